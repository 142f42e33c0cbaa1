package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

import java.util.Arrays;
import java.util.Objects;

/**
 * Add or replace a template (S3): a standard layout ({@code baseLayout}) or an XSLT stylesheet ({@code xslt}),
 * exactly one of them, with an optional logo (PNG or JPEG bytes), colours and texts. The sender has rendered it
 * with the sample documents already (that takes too long for a command's transaction); the write side stores the
 * logo and stylesheet in its content store and records their SHA-256.
 */
public record SaveDocumentTemplate(TenantId tenantId, TemplateName templateName, String baseLayout, String xslt,
                                   byte[] logo, String primaryColor, String accentColor, String footerText,
                                   String paymentNote, Long expectedVersion) implements DistributionSettingsCommand {

    @Override
    public boolean equals(Object o) {
        return o instanceof SaveDocumentTemplate other && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(templateName, other.templateName) && Objects.equals(baseLayout, other.baseLayout)
                && Objects.equals(xslt, other.xslt) && Arrays.equals(logo, other.logo)
                && Objects.equals(primaryColor, other.primaryColor) && Objects.equals(accentColor, other.accentColor)
                && Objects.equals(footerText, other.footerText) && Objects.equals(paymentNote, other.paymentNote)
                && Objects.equals(expectedVersion, other.expectedVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, templateName, baseLayout, xslt, Arrays.hashCode(logo), primaryColor, accentColor,
                footerText, paymentNote, expectedVersion);
    }

    @Override
    public String toString() {
        return "SaveDocumentTemplate[tenantId=" + tenantId + ", templateName=" + templateName + ", baseLayout="
                + baseLayout + ", xslt=" + (xslt == null ? "none" : xslt.length() + " characters") + ", logo="
                + (logo == null ? "none" : logo.length + " bytes") + ", expectedVersion=" + expectedVersion + "]";
    }
}
