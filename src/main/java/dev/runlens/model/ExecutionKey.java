package dev.runlens.model;

record ExecutionKey(String node, int times) {
}
