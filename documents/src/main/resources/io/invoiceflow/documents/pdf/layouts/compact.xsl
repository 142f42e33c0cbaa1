<?xml version="1.0" encoding="UTF-8"?>
<!-- compact: small type and tight rows for long line lists; a one-line header on every page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="common.xsl"/>

  <xsl:variable name="font">DejaVu Sans</xsl:variable>
  <xsl:variable name="size">7.5pt</xsl:variable>
  <xsl:variable name="small">6.5pt</xsl:variable>
  <xsl:variable name="title-size">13pt</xsl:variable>
  <xsl:variable name="cell-padding">0.6mm</xsl:variable>
  <xsl:variable name="default-primary">#333333</xsl:variable>
  <xsl:variable name="default-accent">#F0F0F0</xsl:variable>

  <xsl:template match="/">
    <fo:root font-family="{$font}" font-size="{$size}" language="{/document/@language}" xml:lang="{/document/@language}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-height="297mm" page-width="210mm"
                               margin-top="10mm" margin-bottom="8mm" margin-left="12mm" margin-right="12mm">
          <fo:region-body margin-top="14mm" margin-bottom="13mm"/>
          <fo:region-before extent="12mm"/>
          <fo:region-after extent="11mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="page" id="invoiceflow-document">
        <fo:static-content flow-name="xsl-region-before">
          <fo:table table-layout="fixed" width="100%" border-after-style="solid" border-after-width="0.5pt"
                    border-after-color="{$primary}">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-after="1mm">
                  <xsl:call-template name="logo">
                    <xsl:with-param name="height">9mm</xsl:with-param><xsl:with-param name="width">45mm</xsl:with-param>
                  </xsl:call-template>
                </fo:table-cell>
                <fo:table-cell padding-after="1mm">
                  <fo:block text-align="end" font-size="{$title-size}" font-weight="bold" color="{$primary}">
                    <xsl:value-of select="/document/title"/>
                    <xsl:if test="/document/number"><xsl:text> </xsl:text><xsl:value-of select="/document/number"/></xsl:if>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <xsl:call-template name="footer"/>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:table table-layout="fixed" width="100%">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="70mm"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-end="3mm"><xsl:call-template name="customer-block"/></fo:table-cell>
                <fo:table-cell padding-end="3mm"><xsl:call-template name="supplier-block"/></fo:table-cell>
                <fo:table-cell><xsl:call-template name="details"/></fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
          <xsl:call-template name="draft-note"/>
          <xsl:call-template name="comments"/>
          <xsl:call-template name="lines-table"/>
          <xsl:call-template name="totals"/>
          <xsl:call-template name="payment"/>
          <xsl:call-template name="vat-summary"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
