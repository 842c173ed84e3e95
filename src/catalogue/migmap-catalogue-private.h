/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-private.h: the catalogue's readers of each entity and
 * its text helpers; not installed, not for the UI */
#pragma once

#include "migmap-activity-private.h"
#include "migmap-dialogue-private.h"
#include "migmap-document-private.h"
#include "migmap-event-private.h"
#include "migmap-group-private.h"
#include "migmap-organisation-private.h"
#include "migmap-place-private.h"
#include "migmap-project-private.h"
#include "migmap-text.h"
#include "migmap-theme-private.h"
