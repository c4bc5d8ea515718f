package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check digits behind CARD and NRIC: one check letter per number and prefix, and Luhn. */
class ChecksumsTest {

  @ParameterizedTest
  @ValueSource(strings = {"S1234567D", "T0123456G", "F1234567N", "G1234567X", "M1234567K", "S0000001I", "m7654321j"})
  void aValidNricOrFinPasses(String id) {
    assertTrue(Checksums.nricCheckLetter(id));
  }

  /** Of the 26 letters exactly one is the check letter of a number, for every prefix. */
  @ParameterizedTest
  @ValueSource(strings = {"S", "T", "F", "G", "M"})
  void exactlyOneLetterPassesPerNumber(String prefix) {
    for (String digits : new String[] {"1234567", "0000000", "9876543", "5050505"}) {
      int passing = 0;
      for (char letter = 'A'; letter <= 'Z'; letter++) {
        if (Checksums.nricCheckLetter(prefix + digits + letter)) {
          passing++;
        }
      }
      assertEquals(1, passing, prefix + digits);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"A1234567D", "S123456D", "S12345678D", "S12E4567D", "S1234567A"})
  void anythingElseFails(String text) {
    assertFalse(Checksums.nricCheckLetter(text));
  }

  @Test
  void luhnSkipsSeparatorsAndCatchesOneWrongDigit() {
    assertTrue(Checksums.luhn("4111 1111 1111 1111"));
    assertTrue(Checksums.luhn("3782-822463-10005"));
    assertFalse(Checksums.luhn("4111 1111 1111 1112"));
    assertFalse(Checksums.luhn("4111 1111 1111 1121"));
  }
}
