#ifndef CLINICSITE_CLIBEXIF_SHIM_H
#define CLINICSITE_CLIBEXIF_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <libexif/exif-data.h>
#include <libexif/exif-utils.h>

/* ExifData's IFDs are a C array, which Swift sees as a tuple: one IFD by its number. */
static inline ExifContent *clinicsite_exif_ifd(ExifData *data, ExifIfd ifd) { return data->ifd[ifd]; }

/* The EXIF block ("Exif\0\0" and a TIFF header) holding only `orientation`, written by libexif into `out`; its
   length, or 0 when it could not be made or does not fit in `capacity`. libexif allocates what it saves: it is
   copied and freed here, so the memory never crosses into Swift. */
static inline unsigned int clinicsite_exif_orientation_block(ExifShort orientation, unsigned char *out, unsigned int capacity) {
    ExifData *data = exif_data_new();
    if (!data) return 0;
    ExifEntry *entry = exif_entry_new();
    if (!entry) { exif_data_unref(data); return 0; }
    exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_set_byte_order(data, EXIF_BYTE_ORDER_MOTOROLA);
    exif_content_add_entry(data->ifd[EXIF_IFD_0], entry);
    exif_entry_initialize(entry, EXIF_TAG_ORIENTATION);
    exif_set_short(entry->data, EXIF_BYTE_ORDER_MOTOROLA, orientation);
    exif_entry_unref(entry);
    unsigned char *bytes = NULL;
    unsigned int count = 0;
    exif_data_save_data(data, &bytes, &count);
    exif_data_unref(data);
    if (!bytes) return 0;
    unsigned int written = count <= capacity ? count : 0;
    if (written) memcpy(out, bytes, count);
    free(bytes);
    return written;
}
#endif
