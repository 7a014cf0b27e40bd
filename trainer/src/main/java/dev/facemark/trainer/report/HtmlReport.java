package dev.facemark.trainer.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A single self-contained HTML page of sections with text, tables and PNGs next to it. */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) { this.title = title; }

    public HtmlReport section(String heading, String text) {
        body.append("<h2>").append(esc(heading)).append("</h2>\n");
        if (text != null && !text.isBlank()) body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    public HtmlReport image(String file, String caption) {
        body.append("<figure><img src=\"").append(esc(file)).append("\" alt=\"").append(esc(caption)).append("\"><figcaption>")
                .append(esc(caption)).append("</figcaption></figure>\n");
        return this;
    }

    public HtmlReport table(String[] header, java.util.List<String[]> rows) {
        body.append("<table><tr>");
        for (String h : header) body.append("<th>").append(esc(h)).append("</th>");
        body.append("</tr>\n");
        for (String[] r : rows) {
            body.append("<tr>");
            for (String c : r) body.append("<td>").append(esc(c)).append("</td>");
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public void write(Path file) throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<style>"
                + "body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}img{max-width:100%;border:1px solid #ccc}"
                + "figure{margin:1em 0}figcaption{color:#555;font-size:90%}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>\n<h1>" + esc(title) + "</h1>\n"
                + body + "</body></html>\n";
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
