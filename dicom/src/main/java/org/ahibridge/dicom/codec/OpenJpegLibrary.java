package org.ahibridge.dicom.codec;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of OpenJPEG's C API (openjpeg.h, 2.5) that decoding from memory needs, bound through JNA.
 * Sizes follow the LP64 ABI: {@code OPJ_SIZE_T} and {@code OPJ_OFF_T} are 64-bit, {@code OPJ_BOOL} an int.
 */
interface OpenJpegLibrary extends Library {

    int CODEC_J2K = 0;
    int CODEC_JP2 = 2;

    /** {@code sizeof(opj_dparameters_t)} is 8252 bytes in 2.5 on x86-64; room to spare for other builds. */
    int DECODER_PARAMETERS_BYTES = 16384;

    /** {@code opj_image_t}: x0, y0, x1, y1, numcomps (offset 16), color_space, comps pointer (offset 24). */
    int IMAGE_NUMCOMPS = 16;
    int IMAGE_COMPS = 24;

    /** {@code opj_image_comp_t}, 64 bytes: dx, dy, w, h, x0, y0, prec (24), bpp, sgnd (32), ..., data (48). */
    int COMP_BYTES = 64;
    int COMP_DX = 0;
    int COMP_DY = 4;
    int COMP_W = 8;
    int COMP_H = 12;
    int COMP_PREC = 24;
    int COMP_SGND = 32;
    int COMP_DATA = 48;

    interface ReadFunction extends Callback {
        long invoke(Pointer buffer, long bytes, Pointer userData);
    }

    interface SkipFunction extends Callback {
        long invoke(long bytes, Pointer userData);
    }

    interface SeekFunction extends Callback {
        int invoke(long position, Pointer userData);
    }

    interface MessageHandler extends Callback {
        void invoke(String message, Pointer clientData);
    }

    String opj_version();

    Pointer opj_create_decompress(int format);

    void opj_set_default_decoder_parameters(Pointer parameters);

    int opj_setup_decoder(Pointer codec, Pointer parameters);

    /** 2.5: with strict mode on, a truncated codestream is an error instead of a partly decoded image. */
    int opj_decoder_set_strict_mode(Pointer codec, int strict);

    int opj_set_error_handler(Pointer codec, MessageHandler handler, Pointer clientData);

    Pointer opj_stream_create(long bufferSize, int isInput);

    void opj_stream_set_read_function(Pointer stream, ReadFunction function);

    void opj_stream_set_skip_function(Pointer stream, SkipFunction function);

    void opj_stream_set_seek_function(Pointer stream, SeekFunction function);

    void opj_stream_set_user_data(Pointer stream, Pointer data, Pointer freeFunction);

    void opj_stream_set_user_data_length(Pointer stream, long length);

    int opj_read_header(Pointer stream, Pointer codec, PointerByReference image);

    int opj_decode(Pointer codec, Pointer stream, Pointer image);

    int opj_end_decompress(Pointer codec, Pointer stream);

    void opj_image_destroy(Pointer image);

    void opj_stream_destroy(Pointer stream);

    void opj_destroy_codec(Pointer codec);
}
