package org.integrationevidence.http;

/**
 * A resource answered under a name it no longer has (a renamed slug): the request is redirected with 308, which
 * keeps the method and body, to the same URL with the new name in place of the old one.
 */
public class MovedPermanently extends RuntimeException {

    private final String collectionPath;
    private final String oldName;
    private final String newName;

    /** @param collectionPath the path of the collection the names are in, such as {@code /api/v1/case-studies} */
    public MovedPermanently(String collectionPath, String oldName, String newName) {
        super("Moved from \"" + oldName + "\" to \"" + newName + "\"", null, false, false);
        this.collectionPath = collectionPath;
        this.oldName = oldName;
        this.newName = newName;
    }

    /** {@code path} with the old name, where it follows the collection path, replaced by the new name. */
    public String relocate(String path) {
        String oldPrefix = collectionPath + "/" + oldName;
        if (path.startsWith(oldPrefix) && (path.length() == oldPrefix.length() || path.charAt(oldPrefix.length()) == '/')) {
            return collectionPath + "/" + newName + path.substring(oldPrefix.length());
        }
        return collectionPath + "/" + newName;
    }
}
