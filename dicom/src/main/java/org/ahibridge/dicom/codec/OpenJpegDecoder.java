package org.ahibridge.dicom.codec;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Decodes JPEG 2000 (Part 1) and HTJ2K (Part 15) codestreams, and JP2 files, with OpenJPEG's
 * {@code libopenjp2} (Debian package {@code libopenjp2-7}; version 2.5 or later decodes HTJ2K) through
 * JNA, from memory. The library reads the codestream through three callbacks; they are static (JNA
 * must keep them reachable) and find the bytes of the decode running on their thread, since OpenJPEG
 * calls them on the thread that called it.
 */
final class OpenJpegDecoder implements FrameDecoder {

    private static final ThreadLocal<Source> SOURCE = new ThreadLocal<>();
    private static final OpenJpegLibrary.ReadFunction READ = (buffer, bytes, userData) -> SOURCE.get().read(buffer,
            bytes);
    private static final OpenJpegLibrary.SkipFunction SKIP = (bytes, userData) -> SOURCE.get().skip(bytes);
    private static final OpenJpegLibrary.SeekFunction SEEK = (position, userData) -> SOURCE.get().seek(position);
    private static final OpenJpegLibrary.MessageHandler ERRORS = (message, clientData) -> {
        Source source = SOURCE.get();
        if (source != null && source.errors.length() < 1000) {
            source.errors.append(message.strip()).append("; ");
        }
    };

    private final OpenJpegLibrary library;
    private final String version;

    private OpenJpegDecoder(OpenJpegLibrary library) {
        this.library = library;
        this.version = library.opj_version();
    }

    /**
     * The decoder, or null when JNA or libopenjp2 cannot be loaded, or the library is older than 2.5
     * (which cannot decode HTJ2K).
     */
    static OpenJpegDecoder load() {
        try {
            OpenJpegDecoder decoder = new OpenJpegDecoder(Native.load("openjp2", OpenJpegLibrary.class));
            return atLeast25(decoder.version) ? decoder : null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return null;
        }
    }

    String version() {
        return version;
    }

    static boolean atLeast25(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            return major > 2 || (major == 2 && minor >= 5);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public DecodedImage decode(byte[] codestream) throws CodecException {
        boolean jp2 = Codestreams.isJp2(codestream);
        if (!jp2 && !Codestreams.isCodestream(codestream)) {
            throw new CodecException("not a JPEG 2000 codestream or JP2 file (" + codestream.length + " bytes)");
        }
        Source source = new Source(codestream);
        SOURCE.set(source);
        Pointer codec = library.opj_create_decompress(jp2 ? OpenJpegLibrary.CODEC_JP2 : OpenJpegLibrary.CODEC_J2K);
        Pointer stream = null;
        Pointer image = null;
        try {
            Memory parameters = new Memory(OpenJpegLibrary.DECODER_PARAMETERS_BYTES);
            parameters.clear();
            library.opj_set_default_decoder_parameters(parameters);
            library.opj_set_error_handler(codec, ERRORS, null);
            if (library.opj_setup_decoder(codec, parameters) == 0
                    || library.opj_decoder_set_strict_mode(codec, 1) == 0) {
                throw source.failure("cannot set up the decoder");
            }
            stream = library.opj_stream_create(64 * 1024, 1);
            library.opj_stream_set_read_function(stream, READ);
            library.opj_stream_set_skip_function(stream, SKIP);
            library.opj_stream_set_seek_function(stream, SEEK);
            library.opj_stream_set_user_data(stream, null, null);
            library.opj_stream_set_user_data_length(stream, codestream.length);
            PointerByReference header = new PointerByReference();
            if (library.opj_read_header(stream, codec, header) == 0) {
                throw source.failure("cannot read the main header");
            }
            image = header.getValue();
            if (library.opj_decode(codec, stream, image) == 0 || library.opj_end_decompress(codec, stream) == 0) {
                throw source.failure("cannot decode the codestream");
            }
            return components(image);
        } finally {
            if (image != null) {
                library.opj_image_destroy(image);
            }
            if (stream != null) {
                library.opj_stream_destroy(stream);
            }
            library.opj_destroy_codec(codec);
            SOURCE.remove();
        }
    }

    private static DecodedImage components(Pointer image) throws CodecException {
        int count = image.getInt(OpenJpegLibrary.IMAGE_NUMCOMPS);
        Pointer comps = image.getPointer(OpenJpegLibrary.IMAGE_COMPS);
        if (count <= 0 || comps == null) {
            throw new CodecException("the decoded image has no components");
        }
        List<DecodedImage.Component> components = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Pointer comp = comps.share((long) c * OpenJpegLibrary.COMP_BYTES);
            int width = comp.getInt(OpenJpegLibrary.COMP_W);
            int height = comp.getInt(OpenJpegLibrary.COMP_H);
            Pointer data = comp.getPointer(OpenJpegLibrary.COMP_DATA);
            if (data == null || width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE) {
                throw new CodecException("component " + c + " was not decoded (" + width + "x" + height + ")");
            }
            components.add(new DecodedImage.Component(width, height, comp.getInt(OpenJpegLibrary.COMP_DX),
                    comp.getInt(OpenJpegLibrary.COMP_DY), comp.getInt(OpenJpegLibrary.COMP_PREC),
                    comp.getInt(OpenJpegLibrary.COMP_SGND) != 0, data.getIntArray(0, width * height)));
        }
        return new DecodedImage(List.copyOf(components));
    }

    /** The bytes being decoded on one thread, read by OpenJPEG's stream callbacks, and its error messages. */
    private static final class Source {
        private final byte[] data;
        private int position;
        private final StringBuilder errors = new StringBuilder();

        Source(byte[] data) {
            this.data = data;
        }

        long read(Pointer buffer, long bytes) {
            int available = data.length - position;
            if (available <= 0) {
                return -1; // (OPJ_SIZE_T)-1: the end of the stream
            }
            int count = (int) Math.min(bytes, available);
            buffer.write(0, data, position, count);
            position += count;
            return count;
        }

        long skip(long bytes) {
            long target = Math.max(0, Math.min(data.length, position + bytes));
            long skipped = target - position;
            position = (int) target;
            return skipped == 0 && bytes != 0 ? -1 : skipped;
        }

        int seek(long target) {
            if (target < 0 || target > data.length) {
                return 0;
            }
            position = (int) target;
            return 1;
        }

        CodecException failure(String what) {
            String detail = errors.length() == 0 ? "" : ": " + errors.substring(0, errors.length() - 2);
            return new CodecException("OpenJPEG " + what + detail);
        }
    }
}
