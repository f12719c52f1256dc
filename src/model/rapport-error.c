/* rapport-error.c — the model's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-error.h"

G_DEFINE_QUARK (rapport-error-quark, rapport_error)
