package dev.conduit.benchmarks;

import dev.conduit.benchmarks.Results.Cell;
import dev.conduit.benchmarks.Results.Row;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the README's bar chart with Java2D: one panel per shape, one bar per competitor, each panel
 * on its own linear scale (shapes differ by orders of magnitude), Conduit always first and in the
 * same colour. A last panel shows heap per parked goroutine.
 */
final class Chart {
  private static final int COLUMNS = 3;
  private static final int PANEL_WIDTH = 500;
  private static final int MARGIN = 24;
  private static final int LABEL_WIDTH = 150;
  private static final int BAR_HEIGHT = 16;
  private static final int BAR_GAP = 5;
  private static final int PANEL_TITLE = 26;
  private static final int HEADER = 110;

  private static final Map<String, Color> COLORS =
      Map.of(
          Impl.CONDUIT, new Color(0x1565C0),
          Impl.CONDUIT_INTEGER, new Color(0x42A5F5),
          Impl.CONDUIT_INT, new Color(0x0D47A1),
          Impl.JOX, new Color(0xEF8F00),
          Impl.KOTLIN, new Color(0x7B1FA2),
          Impl.SYNCHRONOUS_QUEUE, new Color(0x2E7D32),
          Impl.ARRAY_BLOCKING_QUEUE, new Color(0x00838F),
          Impl.LINKED_TRANSFER_QUEUE, new Color(0x8D6E63),
          Impl.EXCHANGER, new Color(0x757575));

  /** One panel: a title, a unit and the bars in column order. */
  private record Panel(String title, String unit, Map<String, Double> bars) {}

  private Chart() {}

  static void write(List<Row> rows, Map<String, Double> parked, String subtitle, Path png)
      throws IOException {
    List<Panel> panels = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Double> bars = new LinkedHashMap<>();
      for (String impl : Results.IMPLS) {
        Cell cell = row.cells().get(impl);
        if (cell != null && !Double.isNaN(cell.nanosPerOp())) {
          bars.put(impl, cell.nanosPerOp());
        }
      }
      panels.add(new Panel(row.shape(), "ns", bars));
    }
    if (!parked.isEmpty()) {
      Map<String, Double> bars = new LinkedHashMap<>();
      for (String impl : Results.IMPLS) {
        if (parked.containsKey(impl)) {
          bars.put(impl, parked.get(impl));
        }
      }
      panels.add(new Panel("heap per parked goroutine", "B", bars));
    }

    int panelHeight = 0;
    for (Panel panel : panels) {
      panelHeight = Math.max(panelHeight, panelHeight(panel));
    }
    int gridRows = (panels.size() + COLUMNS - 1) / COLUMNS;
    int width = 2 * MARGIN + COLUMNS * PANEL_WIDTH;
    int height = HEADER + gridRows * panelHeight + MARGIN;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      header(g, subtitle, panels);
      for (int i = 0; i < panels.size(); i++) {
        int x = MARGIN + (i % COLUMNS) * PANEL_WIDTH;
        int y = HEADER + (i / COLUMNS) * panelHeight;
        panel(g, panels.get(i), x, y);
      }
    } finally {
      g.dispose();
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer in this JDK");
    }
  }

  private static int panelHeight(Panel panel) {
    return PANEL_TITLE + panel.bars().size() * (BAR_HEIGHT + BAR_GAP) + 18;
  }

  private static void header(Graphics2D g, String subtitle, List<Panel> panels) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    g.drawString("Conduit beside jox, Kotlin channels and the JDK's queues", MARGIN, 32);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.setColor(Color.DARK_GRAY);
    g.drawString(subtitle, MARGIN, 54);
    g.drawString("Shorter is better; each panel has its own scale.", MARGIN, 72);
    int x = MARGIN;
    for (String impl : Results.IMPLS) {
      boolean used = panels.stream().anyMatch(p -> p.bars().containsKey(impl));
      if (!used) {
        continue;
      }
      g.setColor(COLORS.get(impl));
      g.fillRect(x, 84, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(impl, x + 19, 96);
      x += 19 + g.getFontMetrics().stringWidth(impl) + 22;
    }
  }

  private static void panel(Graphics2D g, Panel panel, int x, int y) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(panel.title(), x, y + 17);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics metrics = g.getFontMetrics();
    double max = panel.bars().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    int valueWidth = 90;
    int barSpace = PANEL_WIDTH - LABEL_WIDTH - valueWidth - 16;
    int barY = y + PANEL_TITLE;
    for (Map.Entry<String, Double> bar : panel.bars().entrySet()) {
      String impl = bar.getKey();
      double value = bar.getValue();
      g.setColor(Color.BLACK);
      g.drawString(impl, x + LABEL_WIDTH - 6 - metrics.stringWidth(impl), barY + BAR_HEIGHT - 4);
      int length = max <= 0 ? 0 : (int) Math.max(1, Math.round(barSpace * value / max));
      g.setColor(COLORS.getOrDefault(impl, Color.GRAY));
      g.fillRect(x + LABEL_WIDTH, barY, length, BAR_HEIGHT);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          Report.format(value) + " " + panel.unit(),
          x + LABEL_WIDTH + length + 5,
          barY + BAR_HEIGHT - 4);
      barY += BAR_HEIGHT + BAR_GAP;
    }
    g.setColor(Color.LIGHT_GRAY);
    g.setStroke(new BasicStroke(1));
    g.drawLine(x + LABEL_WIDTH, y + PANEL_TITLE - 2, x + LABEL_WIDTH, barY - BAR_GAP + 2);
  }
}
