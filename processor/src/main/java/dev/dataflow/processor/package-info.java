/**
 * The annotation processor's rounds: {@code DataFlowProcessor} scans each {@code @Model} once ({@code scan}), hands the
 * resulting {@code ModelSchema} to the writers ({@code write}) and, when processing is over, to the migrations
 * ({@code migrate}). The only package that may import all the others; every diagnostic goes through
 * {@code scan.ErrorReporter}.
 */
package dev.dataflow.processor;
