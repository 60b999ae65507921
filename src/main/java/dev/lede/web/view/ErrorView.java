package dev.lede.web.view;

/** A friendly error page. */
public record ErrorView(Layout page, int status, String heading, String message) {}
