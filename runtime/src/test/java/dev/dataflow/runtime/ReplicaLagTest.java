package dev.dataflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How a replica's lag is read from what it reports once a second: a burst of WAL after an idle spell is not lag; a
 * replay that stalls is, from the check that first saw WAL that is still not replayed.
 */
class ReplicaLagTest {
  private static final long SECOND = 1_000_000_000L;

  private static ReadReplicas.Replica replica() {
    return new ReadReplicas.Replica("replica:5432/app", null);
  }

  @Test
  void lsnTextIsItsSixtyFourBitPosition() {
    assertEquals(0x16_B374D848L, ReadReplicas.lsn("16/B374D848"));
    assertEquals(0L, ReadReplicas.lsn("0/0"));
    assertEquals(-1L, ReadReplicas.lsn(null));
  }

  @Test
  void everythingReplayedIsNoLagHoweverOldTheLastTransaction() {
    assertEquals(Duration.ZERO, replica().lag(0, 500, 500, 3600.0));
  }

  @Test
  void aBurstAfterAnIdleSpellIsNotLag() {
    ReadReplicas.Replica r = replica();
    // idle for an hour, then WAL arrives: the last replayed transaction is an hour old, but nothing was behind before
    assertEquals(Duration.ZERO, r.lag(0, 900, 500, 3600.0));
    assertEquals(Duration.ZERO, r.lag(SECOND, 1200, 1200, 0.5)); // caught up by the next check
  }

  @Test
  void aStalledReplayLagsFromTheCheckThatFirstSawWhatIsStillNotReplayed() {
    ReadReplicas.Replica r = replica();
    assertEquals(Duration.ZERO, r.lag(0, 500, 500, 0.1));
    assertEquals(Duration.ZERO, r.lag(SECOND, 700, 500, 1.0)); // 700 received, not yet replayed: first sighting
    assertEquals(Duration.ofSeconds(1), r.lag(2 * SECOND, 900, 500, 2.0));
    assertEquals(Duration.ofSeconds(2), r.lag(3 * SECOND, 1100, 600, 3.0)); // 600 replayed, 700 still not
    // the age of the last replayed transaction bounds it when it is smaller
    assertEquals(Duration.ofMillis(1500), r.lag(4 * SECOND, 1100, 600, 1.5));
  }

  @Test
  void aReplicaNotStreamingHasNoReceivedWalToBeBehind() {
    assertEquals(Duration.ZERO, replica().lag(0, -1, 400, 10.0));
  }
}
