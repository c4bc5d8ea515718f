package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A class model for typed results: package-private fields that generated code sets directly, and private fields it
 * reaches through their getters and setters, including a JSON record and an enum.
 */
@Model
public class Gauge {
  Long id;
  @Column(nullable = false) String label;
  int reading;
  Double maximum;
  BigDecimal calibration;
  UUID serial;
  Instant checkedAt;
  Level level;
  private boolean enabled;
  @Json private Address site;
  @Json private Map<String, Object> settings;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Address getSite() {
    return site;
  }

  public void setSite(Address site) {
    this.site = site;
  }

  public Map<String, Object> getSettings() {
    return settings;
  }

  public void setSettings(Map<String, Object> settings) {
    this.settings = settings;
  }
}
