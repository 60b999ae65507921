package dev.lede.web.view;

/** A plain share link for one network. */
public record ShareLink(String network, String label, String href) {}
