<?xml version="1.0" encoding="UTF-8"?>
<!--
  Building blocks shared by the standard layouts (classic, modern, compact). A layout imports this file,
  sets the default-* variables and the sizes, and arranges the blocks on its pages.
  Input: the template input XML described in docs/templates.md.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:key name="label" match="/document/labels/label" use="@key"/>

  <!-- set by each layout -->
  <xsl:variable name="font">DejaVu Sans</xsl:variable>
  <xsl:variable name="heading-font" select="$font"/>
  <xsl:variable name="size">9pt</xsl:variable>
  <xsl:variable name="small">7.5pt</xsl:variable>
  <xsl:variable name="title-size">20pt</xsl:variable>
  <xsl:variable name="cell-padding">1.2mm</xsl:variable>
  <xsl:variable name="default-primary">#1F3A5F</xsl:variable>
  <xsl:variable name="default-accent">#E8EEF5</xsl:variable>

  <xsl:variable name="doc" select="/document"/>
  <xsl:variable name="kind" select="/document/@kind"/>
  <xsl:variable name="primary">
    <xsl:choose>
      <xsl:when test="/document/style/primary-color"><xsl:value-of select="/document/style/primary-color"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default-primary"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="accent">
    <xsl:choose>
      <xsl:when test="/document/style/accent-color"><xsl:value-of select="/document/style/accent-color"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default-accent"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="number-label">
    <xsl:choose>
      <xsl:when test="$kind = 'credit-note'">credit-note-number</xsl:when>
      <xsl:when test="$kind = 'order'">order-number</xsl:when>
      <xsl:otherwise>invoice-number</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="date-label">
    <xsl:choose>
      <xsl:when test="$kind = 'credit-note'">issue-date</xsl:when>
      <xsl:when test="$kind = 'order'">order-date</xsl:when>
      <xsl:otherwise>invoice-date</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:value-of select="key('label', $key)"/>
  </xsl:template>

  <!-- "Faktura INV-1001" or, on a draft, "Faktura (Utkast ...)" -->
  <xsl:template name="title-text">
    <xsl:value-of select="$doc/title"/>
    <xsl:if test="$doc/number"><xsl:text> </xsl:text><xsl:value-of select="$doc/number"/></xsl:if>
  </xsl:template>

  <xsl:template name="logo">
    <xsl:param name="height">16mm</xsl:param>
    <xsl:param name="width">60mm</xsl:param>
    <xsl:choose>
      <xsl:when test="$doc/style/logo">
        <fo:block>
          <fo:external-graphic src="{$doc/style/logo/@src}" content-height="scale-down-to-fit"
                               content-width="scale-down-to-fit" height="{$height}" width="{$width}"
                               scaling="uniform"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-family="{$heading-font}" font-size="14pt" font-weight="bold" color="{$primary}">
          <xsl:value-of select="$doc/supplier/name"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="address-lines">
    <xsl:param name="address"/>
    <xsl:if test="$address/street"><fo:block><xsl:value-of select="$address/street"/></fo:block></xsl:if>
    <fo:block>
      <xsl:value-of select="$address/postal-code"/>
      <xsl:if test="$address/postal-code and $address/city"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$address/city"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="customer-block">
    <fo:block font-weight="bold"><xsl:value-of select="$doc/customer/name"/></fo:block>
    <xsl:call-template name="address-lines"><xsl:with-param name="address" select="$doc/customer/address"/></xsl:call-template>
    <xsl:if test="$doc/customer/organisation-number">
      <fo:block space-before="1mm">
        <xsl:call-template name="label"><xsl:with-param name="key">organisation-number</xsl:with-param></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$doc/customer/organisation-number"/>
      </fo:block>
    </xsl:if>
    <xsl:if test="$doc/contacts/contact[1]/name">
      <fo:block>
        <xsl:call-template name="label"><xsl:with-param name="key">contact</xsl:with-param></xsl:call-template>
        <xsl:text>: </xsl:text><xsl:value-of select="$doc/contacts/contact[1]/name"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="supplier-block">
    <fo:block font-weight="bold"><xsl:value-of select="$doc/supplier/name"/></fo:block>
    <xsl:call-template name="address-lines"><xsl:with-param name="address" select="$doc/supplier/address"/></xsl:call-template>
    <xsl:if test="$doc/supplier/organisation-number">
      <fo:block>
        <xsl:call-template name="label"><xsl:with-param name="key">organisation-number</xsl:with-param></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$doc/supplier/organisation-number/@display"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="detail-row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <fo:table-row>
        <fo:table-cell padding-after="0.6mm"><fo:block color="#555555">
          <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
        </fo:block></fo:table-cell>
        <fo:table-cell padding-after="0.6mm"><fo:block text-align="end" font-weight="bold"><xsl:value-of select="$value"/></fo:block></fo:table-cell>
      </fo:table-row>
    </xsl:if>
  </xsl:template>

  <xsl:template name="details">
    <fo:table table-layout="fixed" width="100%">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key" select="$number-label"/><xsl:with-param name="value" select="$doc/number"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key" select="$date-label"/><xsl:with-param name="value" select="$doc/dates/issue-date"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key">due-date</xsl:with-param><xsl:with-param name="value" select="$doc/dates/due-date"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key">customer-number</xsl:with-param><xsl:with-param name="value" select="$doc/customer/number"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key">your-reference</xsl:with-param><xsl:with-param name="value" select="$doc/po-number"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key">credited-invoice</xsl:with-param><xsl:with-param name="value" select="$doc/credited-invoice-number"/>
        </xsl:call-template>
        <xsl:call-template name="detail-row">
          <xsl:with-param name="key">kid</xsl:with-param><xsl:with-param name="value" select="$doc/payment/kid"/>
        </xsl:call-template>
        <fo:table-row><fo:table-cell number-columns-spanned="2"><fo:block/></fo:table-cell></fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="draft-note">
    <xsl:if test="$doc/@draft = 'true'">
      <fo:block color="#B00020" font-weight="bold" space-after="2mm">
        <xsl:call-template name="label"><xsl:with-param name="key">draft-note</xsl:with-param></xsl:call-template>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="comments">
    <xsl:if test="$doc/comments">
      <fo:block space-before="3mm" space-after="2mm" linefeed-treatment="preserve">
        <fo:inline font-weight="bold">
          <xsl:call-template name="label"><xsl:with-param name="key">comments</xsl:with-param></xsl:call-template>
          <xsl:text>: </xsl:text>
        </fo:inline>
        <xsl:value-of select="$doc/comments"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="key"/>
    <xsl:param name="align">start</xsl:param>
    <fo:table-cell padding="{$cell-padding}" background-color="{$accent}">
      <fo:block text-align="{$align}" font-weight="bold">
        <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="lines-table">
    <fo:table table-layout="fixed" width="100%" space-before="4mm" border-after-style="solid"
              border-after-width="0.4pt" border-after-color="{$primary}">
      <fo:table-column column-width="8mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="15mm"/>
      <fo:table-column column-width="12mm"/>
      <fo:table-column column-width="23mm"/>
      <fo:table-column column-width="14mm"/>
      <fo:table-column column-width="13mm"/>
      <fo:table-column column-width="25mm"/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">line-no</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">description</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">quantity</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">unit</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">unit-price</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">discount</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">vat-rate</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="key">amount</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$doc/lines/line">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell padding="{$cell-padding}"><fo:block><xsl:value-of select="@no"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block wrap-option="wrap"><xsl:value-of select="description"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="quantity"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block><xsl:value-of select="unit"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="unit-price"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="discount"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="vat-rate"/></fo:block></fo:table-cell>
            <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="net-amount"/></fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="total-row">
    <xsl:param name="text"/>
    <xsl:param name="value"/>
    <xsl:param name="strong" select="false()"/>
    <fo:table-row>
      <fo:table-cell padding="0.8mm"><fo:block>
        <xsl:if test="$strong"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
        <xsl:value-of select="$text"/>
      </fo:block></fo:table-cell>
      <fo:table-cell padding="0.8mm"><fo:block text-align="end">
        <xsl:if test="$strong"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
        <xsl:value-of select="$value"/>
      </fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="totals">
    <fo:table table-layout="fixed" width="100%" space-before="2mm" keep-together.within-page="always">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="80mm"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell><fo:block/></fo:table-cell>
          <fo:table-cell>
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="proportional-column-width(1)"/>
              <fo:table-column column-width="32mm"/>
              <fo:table-body>
                <xsl:call-template name="total-row">
                  <xsl:with-param name="text" select="key('label', 'net-total')"/>
                  <xsl:with-param name="value" select="$doc/totals/net-amount"/>
                </xsl:call-template>
                <xsl:for-each select="$doc/totals/vat">
                  <xsl:call-template name="total-row">
                    <xsl:with-param name="text" select="concat(key('label', 'vat'), ' ', rate)"/>
                    <xsl:with-param name="value" select="vat-amount"/>
                  </xsl:call-template>
                </xsl:for-each>
                <fo:table-row>
                  <fo:table-cell padding="1mm" border-before-style="solid" border-before-width="0.8pt" border-before-color="{$primary}">
                    <fo:block font-weight="bold">
                      <xsl:call-template name="label">
                        <xsl:with-param name="key">
                          <xsl:choose>
                            <xsl:when test="$kind = 'credit-note'">amount-credited</xsl:when>
                            <xsl:when test="$kind = 'invoice'">amount-due</xsl:when>
                            <xsl:otherwise>total</xsl:otherwise>
                          </xsl:choose>
                        </xsl:with-param>
                      </xsl:call-template>
                      <xsl:text> (</xsl:text><xsl:value-of select="$doc/@currency"/><xsl:text>)</xsl:text>
                    </fo:block>
                  </fo:table-cell>
                  <fo:table-cell padding="1mm" border-before-style="solid" border-before-width="0.8pt" border-before-color="{$primary}">
                    <fo:block text-align="end" font-weight="bold"><xsl:value-of select="$doc/totals/gross-amount"/></fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="vat-summary">
    <fo:block keep-together.within-page="always" space-before="5mm">
      <fo:block font-weight="bold" color="{$primary}" space-after="1mm">
        <xsl:call-template name="label"><xsl:with-param name="key">vat-summary</xsl:with-param></xsl:call-template>
      </fo:block>
      <fo:table table-layout="fixed" width="110mm">
        <fo:table-column column-width="20mm"/>
        <fo:table-column column-width="30mm"/>
        <fo:table-column column-width="30mm"/>
        <fo:table-column column-width="30mm"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="head-cell"><xsl:with-param name="key">vat-rate</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="key">vat-basis</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="key">vat</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="key">amount</xsl:with-param><xsl:with-param name="align">end</xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="$doc/totals/vat">
            <fo:table-row>
              <fo:table-cell padding="{$cell-padding}"><fo:block><xsl:value-of select="rate"/></fo:block></fo:table-cell>
              <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="net-amount"/></fo:block></fo:table-cell>
              <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="vat-amount"/></fo:block></fo:table-cell>
              <fo:table-cell padding="{$cell-padding}"><fo:block text-align="end"><xsl:value-of select="gross-amount"/></fo:block></fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template name="payment-row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <fo:table-row>
        <fo:table-cell padding="0.8mm"><fo:block>
          <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
        </fo:block></fo:table-cell>
        <fo:table-cell padding="0.8mm"><fo:block font-weight="bold"><xsl:value-of select="$value"/></fo:block></fo:table-cell>
      </fo:table-row>
    </xsl:if>
  </xsl:template>

  <xsl:template name="payment">
    <fo:block keep-together.within-page="always" space-before="6mm" padding="2.5mm" border-style="solid"
              border-width="0.6pt" border-color="{$primary}">
      <xsl:choose>
        <xsl:when test="$kind = 'invoice'">
          <fo:block font-weight="bold" color="{$primary}" space-after="1.5mm">
            <xsl:call-template name="label"><xsl:with-param name="key">payment-information</xsl:with-param></xsl:call-template>
          </fo:block>
          <fo:table table-layout="fixed" width="100%">
            <fo:table-column column-width="55mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">amount-due</xsl:with-param>
                <xsl:with-param name="value" select="concat($doc/payment/amount-due, ' ', $doc/@currency)"/>
              </xsl:call-template>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">due-date</xsl:with-param><xsl:with-param name="value" select="$doc/dates/due-date"/>
              </xsl:call-template>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">bank-account</xsl:with-param><xsl:with-param name="value" select="$doc/payment/bank-account/@display"/>
              </xsl:call-template>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">kid</xsl:with-param><xsl:with-param name="value" select="$doc/payment/kid"/>
              </xsl:call-template>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">iban</xsl:with-param><xsl:with-param name="value" select="$doc/payment/iban"/>
              </xsl:call-template>
              <xsl:call-template name="payment-row">
                <xsl:with-param name="key">bic</xsl:with-param><xsl:with-param name="value" select="$doc/payment/bic"/>
              </xsl:call-template>
              <fo:table-row><fo:table-cell number-columns-spanned="2"><fo:block/></fo:table-cell></fo:table-row>
            </fo:table-body>
          </fo:table>
        </xsl:when>
        <xsl:when test="$kind = 'credit-note'">
          <fo:block font-weight="bold">
            <xsl:call-template name="label"><xsl:with-param name="key">credit-note-no-payment</xsl:with-param></xsl:call-template>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block>
            <xsl:call-template name="label"><xsl:with-param name="key">order</xsl:with-param></xsl:call-template>
            <xsl:text> </xsl:text><xsl:value-of select="$doc/number"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$doc/payment/note">
        <fo:block space-before="1.5mm" linefeed-treatment="preserve"><xsl:value-of select="$doc/payment/note"/></fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="footer">
    <fo:block font-size="{$small}" color="#444444" border-before-style="solid" border-before-width="0.4pt"
              border-before-color="{$primary}" padding-before="1.5mm">
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="30mm"/>
        <fo:table-body start-indent="0pt" end-indent="0pt">
          <fo:table-row>
            <fo:table-cell>
              <fo:block>
                <xsl:value-of select="$doc/supplier/name"/>
                <xsl:if test="$doc/supplier/address">
                  <xsl:text> · </xsl:text><xsl:value-of select="$doc/supplier/address/street"/>
                  <xsl:text>, </xsl:text><xsl:value-of select="$doc/supplier/address/postal-code"/>
                  <xsl:text> </xsl:text><xsl:value-of select="$doc/supplier/address/city"/>
                </xsl:if>
                <xsl:if test="$doc/supplier/organisation-number">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="label"><xsl:with-param name="key">organisation-number</xsl:with-param></xsl:call-template>
                  <xsl:text> </xsl:text><xsl:value-of select="$doc/supplier/organisation-number/@display"/>
                </xsl:if>
              </fo:block>
              <fo:block>
                <xsl:if test="$doc/supplier/email">
                  <xsl:call-template name="label"><xsl:with-param name="key">email</xsl:with-param></xsl:call-template>
                  <xsl:text> </xsl:text><xsl:value-of select="$doc/supplier/email"/>
                </xsl:if>
                <xsl:if test="$doc/supplier/phone">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="label"><xsl:with-param name="key">phone</xsl:with-param></xsl:call-template>
                  <xsl:text> </xsl:text><xsl:value-of select="$doc/supplier/phone"/>
                </xsl:if>
                <xsl:if test="$doc/payment/bank-account">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="label"><xsl:with-param name="key">bank-account</xsl:with-param></xsl:call-template>
                  <xsl:text> </xsl:text><xsl:value-of select="$doc/payment/bank-account/@display"/>
                </xsl:if>
              </fo:block>
              <xsl:if test="$doc/style/footer">
                <fo:block linefeed-treatment="preserve"><xsl:value-of select="$doc/style/footer"/></fo:block>
              </xsl:if>
            </fo:table-cell>
            <fo:table-cell>
              <fo:block text-align="end">
                <xsl:call-template name="label"><xsl:with-param name="key">page</xsl:with-param></xsl:call-template>
                <xsl:text> </xsl:text><fo:page-number/><xsl:text> </xsl:text>
                <xsl:call-template name="label"><xsl:with-param name="key">of</xsl:with-param></xsl:call-template>
                <xsl:text> </xsl:text><fo:page-number-citation-last ref-id="invoiceflow-document"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
