package dev.dataflow.models;

/** Where an {@link Order} is in its life, stored as its lower-case name. */
public enum OrderStatus {
  received,
  confirmed,
  delivered,
  cancelled
}
