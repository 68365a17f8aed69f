package dev.rpmoverlay.config;

import java.util.List;
import java.util.Map;

/**
 * One node of the declarative config schema ({@link ConfigSchema}). The same tree drives the
 * unknown-key and type checks at load time ({@link SchemaChecker}) and the JSON Schema that the
 * {@code schema} command prints, so the two cannot disagree.
 */
sealed interface SchemaNode {

  String description();

  /** A table with a fixed set of keys (declaration order is the documentation order). */
  record Obj(String description, Map<String, SchemaNode> fields) implements SchemaNode {}

  /** A table whose keys are names chosen by the user (components, distros, defines, ...). */
  record MapOf(String description, SchemaNode values) implements SchemaNode {}

  record ArrayOf(String description, SchemaNode items) implements SchemaNode {}

  /** A string, optionally restricted to {@code allowed} values. */
  record Str(String description, List<String> allowed) implements SchemaNode {}

  record Bool(String description) implements SchemaNode {}

  /** Accepted as written and not interpreted by rpmoverlay (azldev sections that do not affect rendering). */
  record Opaque(String description) implements SchemaNode {}
}
