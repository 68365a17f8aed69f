package dev.rpmoverlay.release;

import java.util.Optional;

/**
 * What {@link Autospec#run} produced: the computed release and changelog, and the spec as
 * {@code process-distgit} writes it (empty when it has nothing to do: the spec does not use
 * rpmautospec, or was processed already).
 */
public record AutospecOutcome(AutospecResult result, Optional<String> processedSpec) {}
