package dev.dataflow.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A runner's result table: printed on stdout as markdown and written, with a horizontal bar chart of its ratios (PNG,
 * JFreeChart, headless), into the results directory: {@code <name>.md} and {@code <name>.png}. The directory is the
 * system property {@value #RESULTS_PROPERTY}, by default {@code target/benchmark-results} under the working directory
 * (so a smoke test does not dirty the tree). The chart marks 1.0 (the floor) and the targets given.
 */
final class Report {
  /** The system property naming the results directory. */
  static final String RESULTS_PROPERTY = "dataflow.results";

  private static final Color[] PALETTE = {new Color(0x555555), new Color(0x4a7ebb), new Color(0xe69f00),
      new Color(0x8e6bb8), new Color(0x2e9e6b), new Color(0x56b4e9), new Color(0xd55e00), new Color(0xcc79a7)};

  private final String name;
  private final String title;
  private final String chartTitle;
  private final String[] headers;
  private final String ratioAxis;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> series = new ArrayList<>();
  private final List<Double> ratios = new ArrayList<>();
  private int textColumns = 1;
  private final List<String> notes = new ArrayList<>();
  private final List<double[]> targetValues = new ArrayList<>();
  private final List<String> targetLabels = new ArrayList<>();

  /**
   * @param name the files' base name
   * @param title the line above the table (sizes, rounds)
   * @param chartTitle the chart's title, short
   * @param ratioAxis what the ratio is, for the chart's axis (e.g. "time ÷ JDBC floor")
   * @param headers the table's columns; the last one is the ratio
   */
  Report(String name, String title, String chartTitle, String ratioAxis, String... headers) {
    this.name = name;
    this.title = title;
    this.chartTitle = chartTitle;
    this.ratioAxis = ratioAxis;
    this.headers = headers;
  }

  /**
   * A row: its cells (one fewer than the headers: the ratio, formatted here, is the last) and its bar, drawn in the
   * chart among the bars of its {@code group} (an operation, a size) in the colour of its {@code side}.
   */
  Report row(String group, String side, double ratio, String... cells) {
    String[] all = new String[cells.length + 1];
    System.arraycopy(cells, 0, all, 0, cells.length);
    all[cells.length] = String.format(Locale.ROOT, "%.2f", ratio);
    rows.add(all);
    groups.add(group);
    series.add(side);
    ratios.add(ratio);
    return this;
  }

  /** How many of the first columns hold text (left-aligned); the others are numbers. Default 1. */
  Report textColumns(int count) {
    this.textColumns = count;
    return this;
  }

  /** A target line on the chart. */
  Report target(double value, String label) {
    targetValues.add(new double[] {value});
    targetLabels.add(label);
    return this;
  }

  /** A line printed under the table. */
  Report note(String line) {
    notes.add(line);
    return this;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(title).append("\n\n");
    out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    for (int i = 0; i < headers.length; i++) {
      out.append(i < textColumns ? "---|" : "---:|");
    }
    out.append('\n');
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      for (String note : notes) {
        out.append(note).append('\n');
      }
    }
    return out.toString();
  }

  /** Prints the table on stdout and writes the .md and .png; returns the directory written. */
  Path print() throws IOException {
    String markdown = markdown();
    System.out.print(markdown);
    Path dir = directory();
    Files.createDirectories(dir);
    Path png = dir.resolve(name + ".png");
    Files.writeString(dir.resolve(name + ".md"), markdown + "\n![" + name + "](" + name + ".png)\n",
        StandardCharsets.UTF_8);
    writeChart(png);
    System.err.println("wrote " + dir.resolve(name + ".md") + " and " + png);
    return dir;
  }

  static Path directory() {
    return Path.of(System.getProperty(RESULTS_PROPERTY, "target/benchmark-results"));
  }

  private void writeChart(Path png) {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < ratios.size(); i++) {
      data.addValue(ratios.get(i), series.get(i), groups.get(i));
    }
    CategoryAxis categories = new CategoryAxis();
    categories.setMaximumCategoryLabelWidthRatio(0.45f);
    categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    NumberAxis values = new NumberAxis(ratioAxis);
    double max = 1.0;
    for (double r : ratios) {
      max = Math.max(max, r);
    }
    for (double[] t : targetValues) {
      max = Math.max(max, t[0]);
    }
    values.setRange(0, max * 1.15);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.02);
    for (int i = 0; i < PALETTE.length; i++) {
      bars.setSeriesPaint(i, PALETTE[i]);
    }
    bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        new java.text.DecimalFormat("0.00")));
    bars.setDefaultItemLabelsVisible(true);
    CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ValueMarker one = marker(1.0, "1.0", Color.BLACK);
    one.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
    one.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(one, Layer.FOREGROUND);
    for (int i = 0; i < targetValues.size(); i++) {
      ValueMarker target = marker(targetValues.get(i)[0], targetLabels.get(i), new Color(0xc0392b));
      if (i % 2 == 1) { // labels of neighbouring lines would overlap: every other one at the bottom
        target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      }
      plot.addRangeMarker(target, Layer.FOREGROUND);
    }
    JFreeChart chart = new JFreeChart(chartTitle, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot,
        data.getRowCount() > 1);
    chart.setBackgroundPaint(Color.WHITE);
    try {
      int height = 140 + 16 * ratios.size() + 24 * data.getColumnCount() + 18 * data.getRowCount();
      ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, Math.max(300, height));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValueMarker marker(double value, String label, Color color) {
    ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    m.setLabelPaint(color);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return m;
  }
}
