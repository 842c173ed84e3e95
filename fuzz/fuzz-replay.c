/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target once on each file given, without
 * libFuzzer, so that `meson test` replays the corpora and reproducers with
 * any compiler
 *
 *   fuzz-replay-TARGET PATH...
 *
 * A directory stands for the files in it.  A .shp that has a .shx beside it
 * is a shapefile on disk: its parts are framed into one input first, so the
 * tests' fixtures replay as they are.
 */
#include "config.h"

#include "fuzz-input.h"

#include <stdio.h>
#include <string.h>

static void
append_part (GByteArray *input, const char *base, const char *extension, gboolean first)
{
  g_autofree char *path = g_strconcat (base, extension, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!first)
    g_byte_array_append (input, (const guint8 *) FUZZ_PART_SEPARATOR, strlen (FUZZ_PART_SEPARATOR));
  if (g_file_get_contents (path, &contents, &length, NULL))
    g_byte_array_append (input, (const guint8 *) contents, length);
}

static GByteArray *
read_input (const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *shx = NULL;
  g_autofree char *contents = NULL;
  GByteArray *input;
  gsize length;

  if (g_str_has_suffix (path, ".shp"))
    {
      base = g_strndup (path, strlen (path) - 4);
      shx = g_strconcat (base, ".shx", NULL);
    }
  if (shx && g_file_test (shx, G_FILE_TEST_EXISTS))
    {
      /* A missing .dbf, .prj or .cpg stays missing: an empty part at the
       * end would be an empty file instead. */
      static const char * const extensions[] = { ".shp", ".shx", ".dbf", ".prj", ".cpg" };
      guint last = 0;

      for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
        {
          g_autofree char *part = g_strconcat (base, extensions[i], NULL);
          if (g_file_test (part, G_FILE_TEST_EXISTS))
            last = i;
        }
      input = g_byte_array_new ();
      for (guint i = 0; i <= last; i++)
        append_part (input, base, extensions[i], i == 0);
      return input;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  input = g_byte_array_new ();
  g_byte_array_append (input, (const guint8 *) contents, length);
  return input;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
collect (const char *path, GPtrArray *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir && (name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      collect (child, files);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  if (files->len == 0)
    {
      fprintf (stderr, "%s: no input files\n", argv[0]);
      return 1;
    }
  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GByteArray) input = read_input (path);

      if (input == NULL)
        {
          printf ("not ok %u %s: cannot be read\n", i + 1, path);
          return 1;
        }
      /* A crash or an abort stops here, the file it was on printed last. */
      fprintf (stderr, "replaying %s (%u bytes)\n", path, input->len);
      LLVMFuzzerTestOneInput (input->data, input->len);
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
