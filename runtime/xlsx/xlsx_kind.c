/* Telling an OLE2 compound file apart (xlsx_read.h): an Excel 97-2003 workbook (.xls), or an .xlsx
 * encrypted with a password, which Office stores as an OLE2 file holding a stream "EncryptedPackage".
 * A stream's name is in a 128-byte directory entry (UTF-16LE, then its length in bytes at offset 64),
 * and every entry starts at a multiple of 128 bytes in the file, so the entries are found by looking at
 * those offsets alone: no OLE2 parsing. */
#include "xlsx_read.h"

#include <stdio.h>
#include <string.h>

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
#define ENTRY 128

/* Whether the 128 bytes at e are the directory entry of the stream "EncryptedPackage". */
static bool encrypted_entry(const unsigned char *e)
{
    static const char name[] = "EncryptedPackage";
    size_t n = sizeof name;   /* with its NUL, as the entry counts it */
    for (size_t i = 0; i < n; i++)
        if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
            return false;
    return e[64] == 2 * n && e[65] == 0;
}

static bool encrypted_in(const unsigned char *p, size_t len)
{
    for (size_t at = 0; at + ENTRY <= len; at += ENTRY)
        if (encrypted_entry(p + at))
            return true;
    return false;
}

/* The same for the file at path, read in blocks of whole entries. */
static bool encrypted_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    static unsigned char block[64 * ENTRY];
    bool found = false;
    size_t n;
    while (!found && (n = fread(block, 1, sizeof block, f)) > 0)
        found = encrypted_in(block, n);
    fclose(f);
    return found;
}

char *prt_xlsx_ole_why(const char *path, const void *data, size_t len)
{
    unsigned char head[8] = {0};
    if (data) {
        if (len >= 8)
            memcpy(head, data, 8);
    } else {
        FILE *f = fopen(path, "rb");
        if (f) {
            if (fread(head, 1, 8, f) != 8)
                memset(head, 0, 8);
            fclose(f);
        }
    }
    if (memcmp(head, ole_magic, 8) != 0)
        return NULL;
    if (data ? encrypted_in(data, len) : encrypted_file(path))
        return prt_xlsx_msg("the file is a password-protected workbook: save a copy without the password "
                            "(File > Info > Protect Workbook)");
    return prt_xlsx_msg("the file is an Excel 97-2003 workbook (.xls): save it as an Excel Workbook (.xlsx) or as CSV UTF-8");
}
