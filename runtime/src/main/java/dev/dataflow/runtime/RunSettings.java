package dev.dataflow.runtime;

import dev.dataflow.runtime.scrub.PiiScrubber;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every node of a run gets from the {@link DataFlow} through its context: the scrubber of personal data in
 * text and the zone a date-time without offset is read in.
 *
 * @param piiScrubber {@link DataFlow#piiScrubber()}
 * @param zone {@link DataFlow#zone()}
 */
record RunSettings(PiiScrubber piiScrubber, ZoneId zone) {
  RunSettings {
    Objects.requireNonNull(piiScrubber, "piiScrubber");
    Objects.requireNonNull(zone, "zone");
  }

  /** The settings of {@code dataFlow}. */
  static RunSettings of(DataFlow dataFlow) {
    return new RunSettings(dataFlow.piiScrubber(), dataFlow.zone());
  }
}
