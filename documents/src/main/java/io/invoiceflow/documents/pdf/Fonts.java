package io.invoiceflow.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts documents can use: DejaVu Sans, DejaVu Serif and DejaVu Sans Mono (regular, bold, italic and bold
 * italic; Mono regular and bold), read once from the classpath (the {@code jasperreports-fonts} jar carries the
 * TTF files and their licence, see ADR 0120), embedded as subsets. Generic names map to them: {@code sans-serif},
 * {@code Helvetica} and {@code Arial} are DejaVu Sans; {@code serif}, {@code Times} and {@code Times New Roman}
 * are DejaVu Serif; {@code monospace} and {@code Courier} are DejaVu Sans Mono.
 */
final class Fonts {
    private static final String DIR = "net/sf/jasperreports/fonts/dejavu/";
    static final List<String> FAMILIES = List.of("DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono");

    private record Face(String file, List<String> families, String style, String weight) {
    }

    private static final List<String> SANS = List.of("DejaVu Sans", "sans-serif", "Helvetica", "Arial");
    private static final List<String> SERIF = List.of("DejaVu Serif", "serif", "Times", "Times New Roman");
    private static final List<String> MONO = List.of("DejaVu Sans Mono", "monospace", "Courier");

    private static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", SANS, "normal", "normal"),
            new Face("DejaVuSans-Bold.ttf", SANS, "normal", "bold"),
            new Face("DejaVuSans-Oblique.ttf", SANS, "italic", "normal"),
            new Face("DejaVuSans-BoldOblique.ttf", SANS, "italic", "bold"),
            new Face("DejaVuSerif.ttf", SERIF, "normal", "normal"),
            new Face("DejaVuSerif-Bold.ttf", SERIF, "normal", "bold"),
            new Face("DejaVuSerif-Italic.ttf", SERIF, "italic", "normal"),
            new Face("DejaVuSerif-BoldItalic.ttf", SERIF, "italic", "bold"),
            new Face("DejaVuSansMono.ttf", MONO, "normal", "normal"),
            new Face("DejaVuSansMono-Bold.ttf", MONO, "normal", "bold"));

    private Fonts() {
    }

    /** The font files by the address the FOP configuration names them with. */
    static Map<URI, byte[]> files() {
        Map<URI, byte[]> out = new LinkedHashMap<>();
        for (Face face : FACES) {
            try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(DIR + face.file())) {
                if (in == null) {
                    throw new IllegalStateException("font " + DIR + face.file() + " is not on the classpath");
                }
                out.put(URI.create(ResourceAccess.BASE + "fonts/" + face.file()), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every face: its address, file bytes and the triplets (family, style, weight) it answers to. */
    static List<SharedFonts.FaceSpec> faces(Map<URI, byte[]> files) {
        List<SharedFonts.FaceSpec> out = new java.util.ArrayList<>();
        for (Face face : FACES) {
            URI uri = URI.create(ResourceAccess.BASE + "fonts/" + face.file());
            List<org.apache.fop.fonts.FontTriplet> triplets = face.families().stream()
                    .map(f -> new org.apache.fop.fonts.FontTriplet(f, face.style(), "bold".equals(face.weight()) ? 700 : 400))
                    .toList();
            out.add(new SharedFonts.FaceSpec(uri, files.get(uri), triplets));
        }
        return out;
    }

    /**
     * The {@code <fonts>} element of a FOP configuration with every face (subset-embedded, with kerning), for
     * FOP's own per-document font loading ({@link PdfRenderer#withFopFontLoading}, benchmarks only).
     */
    static String configuration() {
        StringBuilder xml = new StringBuilder("<fonts>");
        for (Face face : FACES) {
            xml.append("<font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"")
                    .append(ResourceAccess.BASE).append("fonts/").append(face.file()).append("\">");
            for (String family : face.families()) {
                xml.append("<font-triplet name=\"").append(family).append("\" style=\"").append(face.style())
                        .append("\" weight=\"").append(face.weight()).append("\"/>");
            }
            xml.append("</font>");
        }
        return xml.append("</fonts>").toString();
    }
}
