package ru.nastavnik.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import ru.nastavnik.shared.ConcurrencyLimit;

/**
 * Every file import (participants and preferences, API and upload pages) runs through here: at most
 * {@link ImportLimits#maxConcurrent()} at once on this node, the rest refused at once with 429; the upload is read
 * into memory only once it has its slot, and a raw body no further than {@link SheetReader#MAX_FILE_BYTES}.
 */
@Component
public class ImportGuard {

    static final int RETRY_AFTER_SECONDS = 30;

    private final ConcurrencyLimit running;

    ImportGuard(ImportLimits limits) {
        running = new ConcurrencyLimit("file imports", limits.maxConcurrent(),
                "Сервер сейчас загружает другие файлы: повторите загрузку через полминуты. Ничего не загружено",
                RETRY_AFTER_SECONDS);
    }

    /** Runs an import; the caller reads the file inside {@code call}. */
    public <T> T run(Supplier<T> call) {
        return running.run(call);
    }

    /** A file sent as the multipart field «file». */
    public <T> T importFile(MultipartFile file, Function<byte[], T> importer) {
        SheetReader.checkUploadSize(file.getSize());
        return run(() -> {
            try {
                return importer.apply(file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A file sent as the raw request body: read no further than the size limit. */
    public <T> T importBody(InputStream body, Function<byte[], T> importer) {
        return run(() -> {
            byte[] content;
            try {
                content = body.readNBytes(SheetReader.MAX_FILE_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SheetReader.checkUploadSize(content.length);
            return importer.apply(content);
        });
    }
}
