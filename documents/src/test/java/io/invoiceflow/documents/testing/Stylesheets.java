package io.invoiceflow.documents.testing;

/** Custom templates (XSLT 1.0 to XSL-FO) for tests, in this module's test jar. */
public final class Stylesheets {
    private static final String BEFORE_FLOW = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                            xmlns:fo="http://www.w3.org/1999/XSL/Format">
              <xsl:template match="/document">
                <fo:root font-family="DejaVu Sans" font-size="10pt">
                  <fo:layout-master-set>
                    <fo:simple-page-master master-name="a4" page-height="297mm" page-width="210mm" margin="20mm">
                      <fo:region-body/>
                    </fo:simple-page-master>
                  </fo:layout-master-set>
                  <fo:page-sequence master-reference="a4">
                    <fo:flow flow-name="xsl-region-body">
            """;
    private static final String AFTER_FLOW = """
                    </fo:flow>
                  </fo:page-sequence>
                </fo:root>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private Stylesheets() {
    }

    /**
     * A valid stylesheet that writes the document on A4 pages in DejaVu Sans 10 pt, with {@code flow} (its lines
     * indented to their place) as the body of the page sequence; the template matches {@code /document}.
     */
    public static String a4(String flow) {
        return BEFORE_FLOW + flow.indent(10) + AFTER_FLOW;
    }
}
