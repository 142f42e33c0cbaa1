package io.invoiceflow.documents.pdf;

import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.fonts.FontInfo;
import org.apache.fop.render.pdf.PDFRendererConfigurator;
import org.apache.fop.render.pdf.PDFRendererConfig.PDFRendererConfigParser;

/**
 * FOP's PDF configurator (PDF/A mode and the other PDF options) with the font set-up replaced by
 * {@link SharedFonts}.
 */
final class SharedFontsConfigurator extends PDFRendererConfigurator {
    private final FOUserAgent agent;
    private final SharedFonts fonts;

    SharedFontsConfigurator(FOUserAgent agent, SharedFonts fonts) {
        super(agent, new PDFRendererConfigParser());
        this.agent = agent;
        this.fonts = fonts;
    }

    @Override
    public void setupFontInfo(String mimeType, FontInfo fontInfo) {
        fonts.setup(fontInfo, agent.getFontManager().getResourceResolver());
    }
}
