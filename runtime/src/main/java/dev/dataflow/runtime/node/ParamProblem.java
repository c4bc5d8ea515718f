package dev.dataflow.runtime.node;

/**
 * One thing wrong with a node's parameters, found before the workflow runs.
 *
 * @param parameter the parameter (or parameter path) at fault
 * @param message what is wrong and what to write instead; never a value
 */
public record ParamProblem(String parameter, String message) {}
