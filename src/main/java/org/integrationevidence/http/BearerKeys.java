package org.integrationevidence.http;

/**
 * What an API key looks like on the wire, for the parts of the HTTP edge that must recognise one without knowing
 * who holds it: the access log redacts a key pasted into a path, and a key sent in a URL is refused. The keys
 * themselves, and what they may do, are the access feature's.
 */
public final class BearerKeys {

    /** What every key starts with: "integration evidence key", recognisable to secret scanners. */
    public static final String PREFIX = "iek_";

    private BearerKeys() {
    }
}
