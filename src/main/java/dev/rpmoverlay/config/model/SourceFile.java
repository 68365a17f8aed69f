package dev.rpmoverlay.config.model;

/**
 * One {@code [[source-files]]} entry.
 *
 * @param hashType {@code SHA256} or {@code SHA512} (empty when no hash)
 * @param originType {@code download}, {@code custom} or {@code overlay}
 */
public record SourceFile(
    String filename,
    String hash,
    String hashType,
    String originType,
    String originUri,
    boolean replaceUpstream,
    String replaceReason,
    SourcePosition declaredAt) {}
