<?xml version="1.0" encoding="UTF-8"?>
<!-- classic: serif type, sober rules, the customer's address where a window envelope shows it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="common.xsl"/>

  <xsl:variable name="font">DejaVu Serif</xsl:variable>
  <xsl:variable name="size">9pt</xsl:variable>
  <xsl:variable name="default-primary">#222222</xsl:variable>
  <xsl:variable name="default-accent">#EEEEEE</xsl:variable>

  <xsl:template match="/">
    <fo:root font-family="{$font}" font-size="{$size}" language="{/document/@language}" xml:lang="{/document/@language}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-height="297mm" page-width="210mm"
                               margin-top="12mm" margin-bottom="10mm" margin-left="20mm" margin-right="15mm">
          <fo:region-body margin-top="24mm" margin-bottom="18mm"/>
          <fo:region-before extent="22mm"/>
          <fo:region-after extent="15mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="page" id="invoiceflow-document">
        <fo:static-content flow-name="xsl-region-before">
          <fo:table table-layout="fixed" width="100%">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="80mm"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell><xsl:call-template name="logo"/></fo:table-cell>
                <fo:table-cell>
                  <fo:block text-align="end" font-size="{$title-size}" color="{$primary}">
                    <xsl:value-of select="/document/title"/>
                  </fo:block>
                  <fo:block text-align="end"><xsl:value-of select="/document/number"/></fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
          <fo:block border-after-style="solid" border-after-width="0.6pt" border-after-color="{$primary}"/>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <xsl:call-template name="footer"/>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:table table-layout="fixed" width="100%" space-before="8mm">
            <fo:table-column column-width="90mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-end="6mm"><xsl:call-template name="customer-block"/></fo:table-cell>
                <fo:table-cell><xsl:call-template name="details"/></fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
          <fo:block space-before="6mm"/>
          <xsl:call-template name="draft-note"/>
          <xsl:call-template name="comments"/>
          <xsl:call-template name="lines-table"/>
          <xsl:call-template name="totals"/>
          <xsl:call-template name="vat-summary"/>
          <xsl:call-template name="payment"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
