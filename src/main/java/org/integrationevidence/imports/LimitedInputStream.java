package org.integrationevidence.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.integrationevidence.common.ApiException;
import org.integrationevidence.common.ProblemType;

/**
 * Counts the bytes of an upload as they are read and refuses it (413) as soon as there are more than allowed,
 * whether or not the client declared a Content-Length: the file is never buffered whole to find its size.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > maxBytes) {
            throw new ApiException(ProblemType.CONTENT_TOO_LARGE, "The file is larger than the " + maxBytes
                    + " bytes an import may have. Nothing was written; split the file and import the parts one by one.");
        }
    }
}
