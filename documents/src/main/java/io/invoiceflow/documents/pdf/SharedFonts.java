package io.invoiceflow.documents.pdf;

import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.fonts.CIDFontType;
import org.apache.fop.fonts.CMapSegment;
import org.apache.fop.fonts.EmbeddingMode;
import org.apache.fop.fonts.FontInfo;
import org.apache.fop.fonts.FontTriplet;
import org.apache.fop.fonts.MultiByteFont;
import org.apache.fop.fonts.base14.Base14FontCollection;
import org.apache.fop.fonts.truetype.FontFileReader;
import org.apache.fop.fonts.truetype.OFFontLoader;
import org.apache.fop.fonts.truetype.TTFFile;

import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The fonts, parsed once and shared by every document.
 *
 * <p>FOP's own set-up gives each document a {@code LazyFont} per configured face, which parses the whole TrueType
 * file (cmap, metrics, glyph boxes, kerning) again the first time the document uses the face: about a third of the
 * CPU of a one-page invoice. Here each face is parsed once; per document a fresh {@link MultiByteFont} (which holds
 * that document's used-glyph subset) is built from the shared, never-modified metric arrays, mirroring FOP's
 * {@code OFFontLoader.buildFont} for an embedded CID TrueType font. The subset itself is still cut per document.
 */
final class SharedFonts {
    /** A face to load: its address (resolved by {@link ResourceAccess}), bytes and triplets. */
    record FaceSpec(URI uri, byte[] bytes, List<FontTriplet> triplets) {
    }

    /** One parsed face; all fields are read-only after construction. */
    private record Face(URI uri, List<FontTriplet> triplets, String fontName, String fullName,
                        java.util.Set<String> familyNames, String subFamilyName, int capHeight, int xHeight,
                        int ascender, int descender, int[] fontBBox, int underlinePosition, int underlineThickness,
                        int strikeoutPosition, int strikeoutThickness, int flags, int stemV, int italicAngle, int weight,
                        int[] widths, Rectangle[] boxes, CMapSegment[] cmap, Map<Integer, Map<Integer, Integer>> kerning) {
    }

    private final List<Face> faces;

    SharedFonts(List<FaceSpec> specs) {
        this.faces = specs.stream().map(SharedFonts::parse).toList();
    }

    private static Face parse(FaceSpec spec) {
        try {
            FontFileReader reader = new FontFileReader(new ByteArrayInputStream(spec.bytes()));
            String header = OFFontLoader.readHeader(reader);
            TTFFile ttf = new TTFFile(true, false);
            if (!ttf.readFont(reader, header, (String) null) || !ttf.isEmbeddable()) {
                throw new IllegalStateException("font " + spec.uri() + " has no Unicode cmap or is not embeddable");
            }
            String name = ttf.getEmbedFontName().isEmpty() ? ttf.getPostScriptName() : ttf.getEmbedFontName();
            return new Face(spec.uri(), List.copyOf(spec.triplets()), name, ttf.getFullName(),
                    java.util.Set.copyOf(ttf.getFamilyNames()), ttf.getSubFamilyName(), ttf.getCapHeight(),
                    ttf.getXHeight(), ttf.getLowerCaseAscent(), ttf.getLowerCaseDescent(), ttf.getFontBBox(),
                    ttf.getUnderlinePosition() - ttf.getUnderlineThickness() / 2, ttf.getUnderlineThickness(),
                    ttf.getStrikeoutPosition() - ttf.getStrikeoutThickness() / 2, ttf.getStrikeoutThickness(),
                    ttf.getFlags(), Integer.parseInt(ttf.getStemV()), Integer.parseInt(ttf.getItalicAngle()),
                    ttf.getWeightClass(), ttf.getWidths(), ttf.getBoundingBoxes(),
                    ttf.getCMaps().toArray(new CMapSegment[0]),
                    ttf.getKerning() == null ? Map.of() : Map.copyOf(ttf.getKerning()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + spec.uri(), e);
        }
    }

    /**
     * Registers the base-14 fonts (FOP's fallback, never embedded: a template that falls back to them is refused)
     * and a fresh document font per shared face.
     */
    void setup(FontInfo fontInfo, InternalResourceResolver resolver) {
        int num = new Base14FontCollection(false).setup(1, fontInfo);
        for (Face face : faces) {
            String internalName = "F" + num++;
            fontInfo.addMetrics(internalName, documentFont(face, resolver));
            for (FontTriplet triplet : face.triplets()) {
                fontInfo.addFontProperties(internalName, triplet);
            }
        }
    }

    private static MultiByteFont documentFont(Face face, InternalResourceResolver resolver) {
        MultiByteFont font = new MultiByteFont(resolver, EmbeddingMode.SUBSET);
        font.setIsOTFFile(false);
        font.setCMap(face.cmap());
        face.kerning().forEach(font::putKerningEntry);
        font.setEmbedURI(face.uri());
        font.setFontURI(face.uri());
        font.setFontName(face.fontName());
        font.setFullName(face.fullName());
        font.setFamilyNames(face.familyNames());
        font.setFontSubFamilyName(face.subFamilyName());
        font.setCapHeight(face.capHeight());
        font.setXHeight(face.xHeight());
        font.setAscender(face.ascender());
        font.setDescender(face.descender());
        font.setFontBBox(face.fontBBox());
        font.setUnderlinePosition(face.underlinePosition());
        font.setUnderlineThickness(face.underlineThickness());
        font.setStrikeoutPosition(face.strikeoutPosition());
        font.setStrikeoutThickness(face.strikeoutThickness());
        font.setFlags(face.flags());
        font.setStemV(face.stemV());
        font.setItalicAngle(face.italicAngle());
        font.setMissingWidth(0);
        font.setWeight(face.weight());
        font.setCIDType(CIDFontType.CIDTYPE2);
        font.setWidthArray(face.widths());
        font.setBBoxArray(face.boxes());
        return font;
    }
}
