<?xml version="1.0" encoding="UTF-8"?>
<!-- modern: sans-serif type, a coloured title band, the supplier and customer side by side. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="common.xsl"/>

  <xsl:variable name="font">DejaVu Sans</xsl:variable>
  <xsl:variable name="size">8.5pt</xsl:variable>
  <xsl:variable name="title-size">18pt</xsl:variable>
  <xsl:variable name="cell-padding">1.5mm</xsl:variable>
  <xsl:variable name="default-primary">#0B6E69</xsl:variable>
  <xsl:variable name="default-accent">#E3F2F1</xsl:variable>

  <xsl:template match="/">
    <fo:root font-family="{$font}" font-size="{$size}" language="{/document/@language}" xml:lang="{/document/@language}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-height="297mm" page-width="210mm"
                               margin-top="0mm" margin-bottom="10mm" margin-left="0mm" margin-right="0mm">
          <fo:region-body margin-top="40mm" margin-bottom="20mm" margin-left="16mm" margin-right="16mm"/>
          <fo:region-before extent="30mm"/>
          <fo:region-after extent="16mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="page" id="invoiceflow-document">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block-container height="30mm" background-color="{$primary}" color="#FFFFFF">
            <fo:block margin-left="16mm" margin-right="16mm" padding-top="7mm">
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="proportional-column-width(1)"/>
              <fo:table-column column-width="80mm"/>
              <fo:table-body start-indent="0pt" end-indent="0pt">
                <fo:table-row>
                  <fo:table-cell>
                    <xsl:choose>
                      <xsl:when test="/document/style/logo">
                        <fo:block-container background-color="#FFFFFF" padding="1.5mm" width="64mm">
                          <xsl:call-template name="logo"><xsl:with-param name="height">13mm</xsl:with-param></xsl:call-template>
                        </fo:block-container>
                      </xsl:when>
                      <xsl:otherwise>
                        <fo:block font-size="15pt" font-weight="bold"><xsl:value-of select="/document/supplier/name"/></fo:block>
                      </xsl:otherwise>
                    </xsl:choose>
                  </fo:table-cell>
                  <fo:table-cell>
                    <fo:block text-align="end" font-size="{$title-size}" font-weight="bold">
                      <xsl:value-of select="/document/title"/>
                    </fo:block>
                    <fo:block text-align="end" font-size="11pt"><xsl:value-of select="/document/number"/></fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
            </fo:block>
          </fo:block-container>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block margin-left="16mm" margin-right="16mm">
            <xsl:call-template name="footer"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:table table-layout="fixed" width="100%">
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-end="4mm">
                  <fo:block font-weight="bold" color="{$primary}" space-after="1mm">
                    <xsl:call-template name="label"><xsl:with-param name="key">customer</xsl:with-param></xsl:call-template>
                  </fo:block>
                  <xsl:call-template name="customer-block"/>
                </fo:table-cell>
                <fo:table-cell padding-end="4mm">
                  <fo:block font-weight="bold" color="{$primary}" space-after="1mm">
                    <xsl:value-of select="/document/supplier/name"/>
                  </fo:block>
                  <xsl:call-template name="address-lines"><xsl:with-param name="address" select="/document/supplier/address"/></xsl:call-template>
                  <xsl:if test="/document/supplier/email"><fo:block><xsl:value-of select="/document/supplier/email"/></fo:block></xsl:if>
                  <xsl:if test="/document/supplier/phone"><fo:block><xsl:value-of select="/document/supplier/phone"/></fo:block></xsl:if>
                </fo:table-cell>
                <fo:table-cell><xsl:call-template name="details"/></fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
          <fo:block space-before="5mm"/>
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
