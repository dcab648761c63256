#ifndef CLINICSITE_CLIBEXIF_SHIM_H
#define CLINICSITE_CLIBEXIF_SHIM_H
#include <libexif/exif-data.h>
#include <libexif/exif-utils.h>

/* ExifData's IFDs are a C array, which Swift sees as a tuple: one IFD by its number. */
static inline ExifContent *clinicsite_exif_ifd(ExifData *data, ExifIfd ifd) { return data->ifd[ifd]; }
#endif
