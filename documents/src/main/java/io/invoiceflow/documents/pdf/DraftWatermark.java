package io.invoiceflow.documents.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Puts a large "UTKAST"/"DRAFT" across every page of a draft, whatever the template (standard or custom) does:
 * a SAX filter on the XSL-FO stream between the XSLT and FOP. It makes sure every page master has a
 * {@code region-before} (adding one of extent 0 where missing) and appends a page-fixed block to the static
 * content of every before-region of every page sequence (adding the static content where the template has none).
 */
final class DraftWatermark extends XMLFilterImpl {
    static final String FO = "http://www.w3.org/1999/XSL/Format";
    private static final String ADDED_REGION = "invoiceflow-draft-watermark";

    private final String text;
    private final Set<String> beforeRegions = new LinkedHashSet<>();
    private final Set<String> covered = new HashSet<>();
    private boolean inPageMaster;
    private boolean pageMasterHasBefore;
    private String openBeforeStatic;
    private int staticDepth;

    DraftWatermark(String text, ContentHandler next) {
        this.text = text;
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (FO.equals(uri)) {
            switch (localName) {
                case "simple-page-master" -> {
                    inPageMaster = true;
                    pageMasterHasBefore = false;
                }
                case "region-before" -> {
                    pageMasterHasBefore = true;
                    String name = atts.getValue("region-name");
                    beforeRegions.add(name == null || name.isEmpty() ? "xsl-region-before" : name);
                }
                case "region-after", "region-start", "region-end" -> addMissingBeforeRegion();
                case "page-sequence" -> covered.clear();
                case "static-content" -> {
                    String flow = atts.getValue("flow-name");
                    if (openBeforeStatic == null && beforeRegions.contains(flow)) {
                        openBeforeStatic = flow;
                        staticDepth = 0;
                    }
                }
                case "flow" -> {
                    for (String region : beforeRegions) {
                        if (!covered.contains(region)) {
                            AttributesImpl flowName = new AttributesImpl();
                            flowName.addAttribute("", "flow-name", "flow-name", "CDATA", region);
                            super.startElement(FO, "static-content", "fo:static-content", flowName);
                            watermark();
                            super.endElement(FO, "static-content", "fo:static-content");
                            covered.add(region);
                        }
                    }
                }
                default -> {
                    // other FO elements pass unchanged
                }
            }
        }
        if (openBeforeStatic != null) {
            staticDepth++;
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (openBeforeStatic != null && --staticDepth == 0) {
            watermark();
            covered.add(openBeforeStatic);
            openBeforeStatic = null;
        }
        if (FO.equals(uri) && "simple-page-master".equals(localName)) {
            addMissingBeforeRegion();
            inPageMaster = false;
        }
        super.endElement(uri, localName, qName);
    }

    private void addMissingBeforeRegion() throws SAXException {
        if (inPageMaster && !pageMasterHasBefore) {
            AttributesImpl atts = new AttributesImpl();
            atts.addAttribute("", "extent", "extent", "CDATA", "0mm");
            atts.addAttribute("", "region-name", "region-name", "CDATA", ADDED_REGION);
            super.startElement(FO, "region-before", "fo:region-before", atts);
            super.endElement(FO, "region-before", "fo:region-before");
            beforeRegions.add(ADDED_REGION);
            pageMasterHasBefore = true;
        }
    }

    private void watermark() throws SAXException {
        AttributesImpl container = new AttributesImpl();
        container.addAttribute("", "absolute-position", "absolute-position", "CDATA", "fixed");
        container.addAttribute("", "top", "top", "CDATA", "115mm");
        container.addAttribute("", "left", "left", "CDATA", "0mm");
        container.addAttribute("", "width", "width", "CDATA", "100%");
        container.addAttribute("", "height", "height", "CDATA", "45mm");
        super.startElement(FO, "block-container", "fo:block-container", container);
        AttributesImpl block = new AttributesImpl();
        block.addAttribute("", "text-align", "text-align", "CDATA", "center");
        block.addAttribute("", "font-family", "font-family", "CDATA", "DejaVu Sans");
        block.addAttribute("", "font-weight", "font-weight", "CDATA", "bold");
        block.addAttribute("", "font-size", "font-size", "CDATA", "96pt");
        block.addAttribute("", "color", "color", "CDATA", "#F0C8C8");
        super.startElement(FO, "block", "fo:block", block);
        char[] chars = text.toCharArray();
        super.characters(chars, 0, chars.length);
        super.endElement(FO, "block", "fo:block");
        super.endElement(FO, "block-container", "fo:block-container");
    }
}
