package io.unimember.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A latency-versus-rate chart (log-scale milliseconds) as PNG, drawn with the JDK alone. */
final class Chart {

    record Series(String name, Color color, List<double[]> samples) {}

    private static final int W = 900;
    private static final int H = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    static void write(Path file, String title, List<Series> series) throws IOException {
        double maxX = series.stream()
                .flatMap(s -> s.samples().stream())
                .mapToDouble(p -> p[0])
                .max()
                .orElse(1);
        double minY = 0.1;
        double maxY = Math.max(
                100,
                series.stream()
                        .flatMap(s -> s.samples().stream())
                        .mapToDouble(p -> p[1])
                        .max()
                        .orElse(100));
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (double y = minY; y <= maxY * 1.0001; y *= 10) {
            int py = yPixel(y, minY, maxY, plotH);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setColor(Color.BLACK);
            g.drawString(y < 1 ? String.valueOf(y) : String.valueOf((long) y), 40, py + 4);
        }
        g.drawString("latency (ms, log scale)", 5, TOP - 10);
        for (int i = 0; i <= 5; i++) {
            double x = maxX * i / 5;
            int px = LEFT + (int) (plotW * x / maxX);
            g.drawString(String.valueOf((long) x), px - 15, TOP + plotH + 18);
        }
        g.drawString("achieved requests/s", LEFT + plotW / 2 - 50, H - 15);
        int legend = TOP;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2));
            int[] prev = null;
            for (double[] p : s.samples()) {
                int px = LEFT + (int) (plotW * p[0] / maxX);
                int py = yPixel(Math.max(minY, p[1]), minY, maxY, plotH);
                g.fillOval(px - 4, py - 4, 8, 8);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], px, py);
                }
                prev = new int[] {px, py};
            }
            g.fillRect(W - RIGHT + 15, legend, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), W - RIGHT + 32, legend + 11);
            legend += 20;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int yPixel(double y, double minY, double maxY, int plotH) {
        double f = (Math.log10(y) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY));
        return TOP + plotH - (int) (plotH * f);
    }
}
