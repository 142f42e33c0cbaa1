package io.invoiceflow.documents.pdf;

import org.apache.fop.configuration.Configuration;
import org.apache.fop.configuration.ConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a FOP configuration tree, safe to read from many threads.
 *
 * <p>FOP's own {@code DefaultConfiguration} wraps a DOM element and reads it on every document (for example
 * {@code FOUserAgent.getRendererConfiguration}). The JDK's DOM expands its nodes lazily and is not safe for
 * concurrent reads: two threads rendering their first documents on one {@code FopFactory} lost the font
 * configuration (FIELD-NOTES, "Apache FOP 2.11"). This class copies the tree once into plain fields. It
 * mirrors {@code DefaultConfiguration}'s semantics (empty attribute = absent; value = all descendant text).
 */
final class FrozenConfiguration implements Configuration {
    private static final FrozenConfiguration EMPTY = new FrozenConfiguration("", Map.of(), "", List.of(), "");

    private final String name;
    private final Map<String, String> attributes;
    private final String value;
    private final List<FrozenConfiguration> children;
    private final String location;

    private FrozenConfiguration(String name, Map<String, String> attributes, String value,
                                List<FrozenConfiguration> children, String location) {
        this.name = name;
        this.attributes = attributes;
        this.value = value;
        this.children = children;
        this.location = location;
    }

    /** Parses configuration XML (no DTD allowed) and freezes it. */
    static FrozenConfiguration parse(String xml) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setNamespaceAware(false);
            Element root = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            return freeze(root, root.getTagName());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("invalid FOP configuration", e);
        }
    }

    private static FrozenConfiguration freeze(Element element, String location) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap atts = element.getAttributes();
        for (int i = 0; i < atts.getLength(); i++) {
            attributes.put(atts.item(i).getNodeName(), atts.item(i).getNodeValue());
        }
        List<FrozenConfiguration> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                Element child = (Element) n;
                children.add(freeze(child, location + "/" + child.getTagName()));
            }
        }
        String text = element.getTextContent();
        return new FrozenConfiguration(element.getTagName(), Collections.unmodifiableMap(attributes),
                text == null ? "" : text, List.copyOf(children), location);
    }

    @Override
    public Configuration getChild(String key) {
        for (FrozenConfiguration child : children) {
            if (child.name.equals(key)) {
                return child;
            }
        }
        return EMPTY;
    }

    @Override
    public Configuration getChild(String key, boolean required) {
        Configuration child = getChild(key);
        return child == EMPTY && !required ? null : child;
    }

    @Override
    public Configuration[] getChildren(String key) {
        return children.stream().filter(c -> c.name.equals(key)).toArray(Configuration[]::new);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(new String[0]);
    }

    @Override
    public String getAttribute(String key) {
        String result = attributes.get(key);
        return result == null || result.isEmpty() ? null : result;
    }

    @Override
    public String getAttribute(String key, String defaultValue) {
        String result = getAttribute(key);
        return result == null ? defaultValue : result;
    }

    @Override
    public boolean getAttributeAsBoolean(String key, boolean defaultValue) {
        String result = getAttribute(key);
        return result == null ? defaultValue : "true".equalsIgnoreCase(result) || "yes".equalsIgnoreCase(result);
    }

    @Override
    public float getAttributeAsFloat(String key) throws ConfigurationException {
        String result = getAttribute(key);
        if (result == null) {
            throw new ConfigurationException("No attribute " + key + " in " + location);
        }
        try {
            return Float.parseFloat(result);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Not a float: " + key + " in " + location, e);
        }
    }

    @Override
    public float getAttributeAsFloat(String key, float defaultValue) {
        String result = getAttribute(key);
        return result == null ? defaultValue : Float.parseFloat(result);
    }

    @Override
    public int getAttributeAsInteger(String key, int defaultValue) {
        String result = getAttribute(key);
        return result == null ? defaultValue : Integer.parseInt(result);
    }

    @Override
    public String getValue() throws ConfigurationException {
        if (value.isEmpty()) {
            throw new ConfigurationException("No value in " + location);
        }
        return value;
    }

    @Override
    public String getValue(String defaultValue) {
        return value.isEmpty() ? defaultValue : value;
    }

    @Override
    public boolean getValueAsBoolean() {
        return Boolean.parseBoolean(value);
    }

    @Override
    public boolean getValueAsBoolean(boolean defaultValue) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? defaultValue : Boolean.parseBoolean(trimmed);
    }

    @Override
    public int getValueAsInteger() throws ConfigurationException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Not an integer in " + location, e);
        }
    }

    @Override
    public int getValueAsInteger(int defaultValue) {
        return value.isEmpty() ? defaultValue : Integer.parseInt(value);
    }

    @Override
    public float getValueAsFloat() throws ConfigurationException {
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Not a float in " + location, e);
        }
    }

    @Override
    public float getValueAsFloat(float defaultValue) {
        return value.isEmpty() ? defaultValue : Float.parseFloat(value);
    }

    @Override
    public String getLocation() {
        return location;
    }
}
