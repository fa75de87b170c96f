package org.integrationevidence.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;


/**
 * Counts the bytes of a request body as they are read and refuses it (413) as soon as there are more than allowed,
 * whether or not the client declared a Content-Length: a body is never buffered whole to find its size.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final String tooLarge;
    private long count;

    /** @param tooLarge the detail of the 413 problem */
    public LimitedInputStream(InputStream in, long maxBytes, String tooLarge) {
        super(in);
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
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
            throw new ApiException(ProblemType.CONTENT_TOO_LARGE, tooLarge);
        }
    }
}
