package io.trailwatch.alert.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a Block Kit message roughly as Slack shows it (header, mrkdwn sections, two-column fields,
 * context), for the README's picture of an alert in Slack. Handles the subset of Block Kit and
 * mrkdwn that Trailwatch's messages use.
 */
final class SlackPreview {
    private static final int WIDTH = 760;
    private static final int LEFT = 72;
    private static final int TEXT_WIDTH = WIDTH - LEFT - 24;
    private static final Color TEXT = new Color(0x1d, 0x1c, 0x1d);
    private static final Color MUTED = new Color(0x61, 0x60, 0x61);
    private static final Color CODE_BACK = new Color(0xf4, 0xf4, 0xf4);
    private static final Color CODE_TEXT = new Color(0xc0, 0x1e, 0x4a);
    private static final Map<String, Color> CIRCLES =
            Map.of(
                    ":red_circle:", new Color(0xdd, 0x2e, 0x44),
                    ":large_orange_circle:", new Color(0xf4, 0x90, 0x0c),
                    ":large_yellow_circle:", new Color(0xfd, 0xcb, 0x58),
                    ":large_blue_circle:", new Color(0x55, 0xac, 0xee),
                    ":white_circle:", new Color(0xe6, 0xe7, 0xe8));

    private final Font regular = new Font("DejaVu Sans", Font.PLAIN, 14);
    private final Font bold = regular.deriveFont(Font.BOLD);
    private final Font code = new Font("DejaVu Sans Mono", Font.PLAIN, 12);
    private final Font header = new Font("DejaVu Sans", Font.BOLD, 18);
    private final Font small = new Font("DejaVu Sans", Font.PLAIN, 12);

    private Graphics2D g;
    private int y;

    static void render(JsonNode message, Path png) throws IOException {
        SlackPreview measure = new SlackPreview();
        int height =
                measure.draw(message, new BufferedImage(WIDTH, 4000, BufferedImage.TYPE_INT_RGB));
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        new SlackPreview().draw(message, image);
        ImageIO.write(image, "png", png.toFile());
    }

    private int draw(JsonNode message, BufferedImage image) {
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());

        // Avatar, app name, time: the frame every Slack message has.
        g.setColor(new Color(0x2e, 0x3a, 0x59));
        g.fillRoundRect(20, 18, 36, 36, 8, 8);
        g.setColor(Color.WHITE);
        g.setFont(bold);
        g.drawString("TW", 26, 42);
        g.setColor(TEXT);
        g.drawString("Trailwatch", LEFT, 30);
        int x = LEFT + g.getFontMetrics().stringWidth("Trailwatch") + 8;
        g.setColor(new Color(0xe8, 0xe8, 0xe8));
        g.fillRoundRect(x, 17, 34, 17, 4, 4);
        g.setColor(MUTED);
        g.setFont(small.deriveFont(Font.BOLD, 10f));
        g.drawString("APP", x + 7, 30);
        g.setFont(small);
        g.drawString("9:00 AM", x + 44, 30);
        y = 40;

        for (JsonNode block : message.get("blocks")) {
            switch (block.get("type").asText()) {
                case "header":
                    y += 6;
                    line(block.at("/text/text").asText(), header, TEXT, LEFT, TEXT_WIDTH);
                    break;
                case "section":
                    y += 8;
                    if (block.has("text")) {
                        mrkdwn(block.at("/text/text").asText(), regular, LEFT, TEXT_WIDTH);
                    }
                    if (block.has("fields")) {
                        fields(block.get("fields"));
                    }
                    break;
                case "context":
                    y += 10;
                    mrkdwn(block.at("/elements/0/text").asText(), small, LEFT, TEXT_WIDTH);
                    break;
                default:
                    break;
            }
        }
        g.dispose();
        return y + 20;
    }

    private void fields(JsonNode fields) {
        int column = TEXT_WIDTH / 2;
        for (int i = 0; i < fields.size(); i += 2) {
            int top = y;
            mrkdwn(fields.get(i).get("text").asText(), regular, LEFT, column - 12);
            int leftBottom = y;
            if (i + 1 < fields.size()) {
                y = top;
                mrkdwn(fields.get(i + 1).get("text").asText(), regular, LEFT + column, column - 12);
            }
            y = Math.max(leftBottom, y) + 8;
        }
    }

    private void line(String text, Font font, Color color, int x, int width) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        y += m.getAscent() + 4;
        int cx = x;
        for (String word : text.split(" ")) {
            Color circle = CIRCLES.get(word);
            int w = circle != null ? m.getAscent() : m.stringWidth(word);
            if (cx + w > x + width) {
                y += m.getHeight();
                cx = x;
            }
            if (circle != null) {
                g.setColor(circle);
                g.fillOval(cx, y - m.getAscent() + 2, w - 2, w - 2);
            } else {
                g.setColor(color);
                g.drawString(word, cx, y);
            }
            cx += w + m.stringWidth(" ");
        }
        y += m.getDescent();
    }

    /** *bold*, `code`, :emoji: and line breaks; &amp;lt; and friends unescaped. */
    private void mrkdwn(String text, Font base, int x, int width) {
        for (String paragraph : text.split("\n", -1)) {
            List<String[]> runs = runs(paragraph);
            g.setFont(base);
            FontMetrics m = g.getFontMetrics();
            y += m.getAscent() + 3;
            int cx = x;
            for (String[] run : runs) {
                Font f =
                        run[0].equals("b")
                                ? base.deriveFont(Font.BOLD)
                                : run[0].equals("c") ? code : base;
                Color c = run[0].equals("c") ? CODE_TEXT : base == small ? MUTED : TEXT;
                for (String word : run[1].split("(?<= )")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    Color circle = CIRCLES.get(word.trim());
                    String shown = word.replace(":warning:", "⚠");
                    g.setFont(f);
                    int w =
                            circle != null
                                    ? m.getAscent() + 4
                                    : g.getFontMetrics().stringWidth(shown);
                    if (cx + w > x + width && cx > x) {
                        y += m.getHeight();
                        cx = x;
                    }
                    if (circle != null) {
                        g.setColor(circle);
                        g.fillOval(cx, y - m.getAscent() + 2, m.getAscent() - 2, m.getAscent() - 2);
                    } else {
                        if (run[0].equals("c")) {
                            g.setColor(CODE_BACK);
                            g.fillRoundRect(
                                    cx - 1, y - m.getAscent() + 1, w + 2, m.getHeight() - 1, 4, 4);
                        }
                        g.setColor(shown.startsWith("⚠") ? new Color(0xe0, 0x9b, 0x00) : c);
                        g.drawString(shown, cx, y);
                    }
                    cx += w;
                }
            }
            y += m.getDescent();
        }
    }

    private static List<String[]> runs(String text) {
        String t = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        List<String[]> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String kind = "r";
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            String toggled = ch == '*' && !kind.equals("c") ? "b" : ch == '`' ? "c" : null;
            if (toggled != null) {
                runs.add(new String[] {kind, current.toString()});
                current.setLength(0);
                kind = kind.equals(toggled) ? "r" : toggled;
            } else {
                current.append(ch);
            }
        }
        runs.add(new String[] {kind, current.toString()});
        return runs;
    }
}
