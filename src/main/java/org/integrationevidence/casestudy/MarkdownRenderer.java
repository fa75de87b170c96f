package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns a case study's Markdown body into HTML that a third-party page can insert as it is: raw HTML in the
 * Markdown is escaped, and the result passes an allow-list sanitizer (no script, no event handlers, no
 * {@code javascript:} URLs; links get {@code rel="nofollow"}, and {@code noopener} too wherever a target is set).
 */
@ApplicationScoped
class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br")
                    .allowUrlProtocols("http", "https", "mailto")
                    .requireRelsOnLinks("nofollow", "noopener")
                    .toFactory());

    private final TextContentRenderer textRenderer = TextContentRenderer.builder().build();

    public String toSafeHtml(String markdown) {
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }

    /** The text a reader sees, without Markdown syntax: what search matches and quotes in highlights. */
    public String toPlainText(String markdown) {
        return textRenderer.render(parser.parse(markdown));
    }
}
