package dev.facemark.core.data;

import dev.facemark.core.Snippet;
import dev.facemark.core.geom.FaceBox;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dlib's imglab XML, the format of iBUG's {@code labels_ibug_300W_train.xml}:
 * {@code <images><image file=...><box top left width height><part name x y/>...</box></image>}.
 * One sample per {@code <box>} (boxes with {@code ignore='1'} are skipped); file names are relative
 * to the XML's folder. Part coordinates are taken as 0-based pixel centres, as dlib uses them.
 */
public final class ImglabXml {
    private ImglabXml() {}

    /** Reads every labelled box; each must have parts named 0..{@code points}-1 (e.g. "00".."67"). */
    public static Dataset read(Path xml, int points, LoadMode mode, ImageCheck check) {
        if (!Files.isRegularFile(xml)) throw new DataFormatException(xml, 0, "imglab XML file not found");
        Path base = xml.toAbsolutePath().getParent();
        LoadProblems problems = new LoadProblems(mode);
        List<FaceSample> out = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader r = parser(xml, f, in);
            String file = null;
            int boxIndex = 0;
            BoxState box = null;
            while (hasNext(xml, r)) {
                int ev = next(xml, r);
                int line = r.getLocation().getLineNumber();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "image" -> {
                            file = r.getAttributeValue(null, "file");
                            boxIndex = 0;
                            if (file == null) problems.report(new DataFormatException(xml, line, "<image> without a file attribute"));
                        }
                        case "box" -> {
                            box = new BoxState(line, points);
                            try {
                                box.box = new FaceBox(num(xml, r, line, "left"), num(xml, r, line, "top"),
                                        num(xml, r, line, "width"), num(xml, r, line, "height"));
                                box.ignore = "1".equals(r.getAttributeValue(null, "ignore"));
                            } catch (DataFormatException e) {
                                box.error = e;
                            }
                        }
                        case "part" -> {
                            if (box == null || box.error != null) break;
                            try {
                                String name = r.getAttributeValue(null, "name");
                                int idx;
                                try {
                                    idx = Integer.parseInt(name == null ? "" : name.trim());
                                } catch (NumberFormatException e) {
                                    throw new DataFormatException(xml, line, "part name " + Snippet.quote(name) + " is not a point index");
                                }
                                if (idx < 0 || idx >= points) {
                                    throw new DataFormatException(xml, line, "part " + idx + " outside 0.." + (points - 1));
                                }
                                if (box.seen[idx]) throw new DataFormatException(xml, line, "part " + idx + " given twice");
                                box.seen[idx] = true;
                                box.pts[2 * idx] = num(xml, r, line, "x");
                                box.pts[2 * idx + 1] = num(xml, r, line, "y");
                            } catch (DataFormatException e) {
                                box.error = e;
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("box") && box != null) {
                        if (file != null && !box.ignore) {
                            try {
                                out.add(finish(xml, base, file, boxIndex, box, check));
                            } catch (DataFormatException e) {
                                problems.report(e);
                            }
                        }
                        boxIndex++;
                        box = null;
                    } else if (r.getLocalName().equals("image")) {
                        file = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new DataFormatException(xml, line, "not well-formed XML: " + Snippet.clean(lastLine(e.getMessage())), e);
        } catch (IOException e) {
            throw new DataFormatException(xml, 0, "cannot read: " + Snippet.clean(e.getMessage()), e);
        }
        return new Dataset(xml.getFileName().toString(), out, problems.list());
    }

    public static Dataset read(Path xml, int points) { return read(xml, points, LoadMode.STRICT, ImageCheck.EXISTS); }

    // The JDK's StAX parser throws unchecked exceptions of its own on some malformed input (for one,
    // a MissingResourceException for a bad character in a DOCTYPE it skips): these three calls turn
    // anything it throws into the same "not well-formed XML" error as its XMLStreamExceptions.

    private static XMLStreamReader parser(Path xml, XMLInputFactory f, InputStream in) throws XMLStreamException {
        try {
            return f.createXMLStreamReader(in);
        } catch (RuntimeException e) {
            throw parserFailure(xml, null, e);
        }
    }

    private static boolean hasNext(Path xml, XMLStreamReader r) throws XMLStreamException {
        try {
            return r.hasNext();
        } catch (RuntimeException e) {
            throw parserFailure(xml, r, e);
        }
    }

    private static int next(Path xml, XMLStreamReader r) throws XMLStreamException {
        try {
            return r.next();
        } catch (RuntimeException e) {
            throw parserFailure(xml, r, e);
        }
    }

    private static DataFormatException parserFailure(Path xml, XMLStreamReader r, RuntimeException e) {
        int line = 0;
        try {
            if (r != null && r.getLocation() != null) line = Math.max(0, r.getLocation().getLineNumber());
        } catch (RuntimeException ignored) {
            // no location, then
        }
        return new DataFormatException(xml, line, "not well-formed XML (the XML parser failed with "
                + e.getClass().getSimpleName() + ": " + Snippet.clean(e.getMessage()) + ")", e);
    }

    private static FaceSample finish(Path xml, Path base, String file, int boxIndex, BoxState b, ImageCheck check) {
        if (b.error != null) throw b.error;
        int missing = 0;
        for (boolean s : b.seen) if (!s) missing++;
        if (missing > 0) {
            throw new DataFormatException(xml, b.line, "box has " + (b.seen.length - missing) + " parts, expected " + b.seen.length);
        }
        Path image;
        try {
            image = base.resolve(file).normalize();
        } catch (InvalidPathException e) {
            throw new DataFormatException(xml, b.line, "image file " + Snippet.quote(file) + " is not a file name");
        }
        try {
            ImageLoader.check(image, check);
        } catch (DataFormatException e) {
            throw new DataFormatException(xml, b.line, e.getMessage());
        }
        String name = boxIndex == 0 ? file : file + "#" + boxIndex;
        return new FaceSample(name, image, b.pts, "imglab", b.box);
    }

    private static float num(Path xml, XMLStreamReader r, int line, String attr) {
        String v = r.getAttributeValue(null, attr);
        if (v == null) throw new DataFormatException(xml, line, "<" + r.getLocalName() + "> has no '" + attr + "' attribute");
        try {
            float f = Float.parseFloat(v.trim());
            if (!Float.isFinite(f)) throw new NumberFormatException();
            return f;
        } catch (NumberFormatException e) {
            throw new DataFormatException(xml, line, "<" + r.getLocalName() + "> attribute " + attr + "=" + Snippet.quote(v) + " is not a number");
        }
    }

    /** The StAX parser's message without its "ParseError at [row,col]" first line. */
    private static String lastLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1).strip();
    }

    /**
     * Writes samples as imglab XML; image paths are written relative to the XML's folder. Each
     * sample's box is its {@link FaceSample#box()} or, without one, its landmark box.
     *
     * @param integerCoordinates round boxes and parts to integers as dlib's own parser requires;
     *                           false keeps three decimals (readable by {@link #read}, not by dlib)
     */
    public static void write(Path xml, String name, List<FaceSample> samples, boolean integerCoordinates) {
        Path base = xml.toAbsolutePath().getParent();
        try (Writer w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8'?>\n<dataset>\n<name>" + esc(name) + "</name>\n<images>\n");
            for (FaceSample s : samples) {
                String file = base.relativize(s.image().toAbsolutePath().normalize()).toString().replace('\\', '/');
                FaceBox b = s.box() != null ? s.box() : s.landmarkBox();
                w.write("  <image file='" + esc(file) + "'>\n");
                w.write("    <box top='" + n(b.y(), integerCoordinates) + "' left='" + n(b.x(), integerCoordinates)
                        + "' width='" + n(b.w(), integerCoordinates) + "' height='" + n(b.h(), integerCoordinates) + "'>\n");
                float[] p = s.points();
                for (int i = 0; i < p.length / 2; i++) {
                    w.write(String.format(Locale.ROOT, "      <part name='%02d' x='%s' y='%s'/>%n", i,
                            n(p[2 * i], integerCoordinates), n(p[2 * i + 1], integerCoordinates)));
                }
                w.write("    </box>\n  </image>\n");
            }
            w.write("</images>\n</dataset>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + xml + ": " + e.getMessage(), e);
        }
    }

    private static String n(float v, boolean integer) {
        return integer ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    private static final class BoxState {
        final int line;
        final float[] pts;
        final boolean[] seen;
        FaceBox box;
        boolean ignore;
        DataFormatException error;

        BoxState(int line, int points) {
            this.line = line;
            this.pts = new float[2 * points];
            this.seen = new boolean[points];
        }
    }
}
