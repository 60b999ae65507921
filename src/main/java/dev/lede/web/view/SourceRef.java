package dev.lede.web.view;

/** A publisher as linked from a page: its name, its page on this site, and its own address. */
public record SourceRef(String name, String href, String originalUrl) {}
