package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;

/** A {@code [components.<name>]} table as declared, before inheritance. */
public record DeclaredComponent(String name, ComponentLayer layer, SourcePosition declaredAt) {}
