/* SPDX-License-Identifier: MIT */
/* Unit tests of core/patient and core/user: validation, add, upsert, search. */
#include "config.h"

#include "core/patient.h"
#include "core/store/db.h"
#include "core/user.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

int main(void)
{
    struct cd_store *store = testdb_open("UTC", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t id = 0, id2 = 0;

    is_int(cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", "north", NULL, &err), 0,
           "coordinator added");
    is_int(cd_user_add(store, "mrivera", "Again", "coordinator", NULL, NULL, &err), CD_EEXIST,
           "duplicate login refused");
    is_str(err.msg, "user 'mrivera' already exists", "duplicate message");
    is_int(cd_user_add(store, "x y", "X", "coordinator", NULL, NULL, &err), CD_EINVAL,
           "login with a space refused");
    is_int(cd_user_add(store, "boss", "B", "chief", NULL, NULL, &err), CD_EINVAL, "bad role");
    struct cd_user u;
    is_int(cd_user_find(store, "nobody", &u, &err), CD_ENOTFOUND, "unknown login");
    ok(strstr(err.msg, "caredesk user add nobody") != NULL, "message names user add");

    struct cd_patient_in in = {.mrn = "MRN001",
                               .family = "Núñez",
                               .given = "Zoë",
                               .birth_date = "1948-05-12",
                               .sex = "F",
                               .phone = "555-0100",
                               .coordinator = "mrivera"};
    is_int(cd_patient_add(store, &in, &id, &err), 0, "patient added");
    ok(id > 0, "patient id");
    is_int(cd_patient_add(store, &in, &id2, &err), CD_EEXIST, "duplicate MRN refused");
    is_str(err.msg, "mrn: a patient with MRN 'MRN001' already exists", "duplicate MRN message");

    struct cd_patient_in bad = in;
    bad.mrn = "MRN002";
    bad.birth_date = "2027-01-01";
    is_int(cd_patient_add(store, &bad, NULL, &err), CD_EINVAL, "future birth date refused");
    is_str(err.msg, "birth_date: '2027-01-01' is in the future", "future birth message");
    bad.birth_date = "1948-02-30";
    cd_patient_add(store, &bad, NULL, &err);
    is_str(err.msg, "birth_date: '1948-02-30' is not a date (YYYY-MM-DD)", "bad date message");
    bad.birth_date = "1948-02-03";
    bad.sex = "Q";
    cd_patient_add(store, &bad, NULL, &err);
    is_str(err.msg, "sex: 'Q' is not F, M, X or U", "bad sex message");
    bad.sex = "M";
    bad.family = "Bad\xff";
    cd_patient_add(store, &bad, NULL, &err);
    is_str(err.msg, "family_name: 'Bad\xff' is not valid UTF-8", "invalid UTF-8 message");
    bad.family = "Okafor";
    bad.coordinator = "ghost";
    is_int(cd_patient_add(store, &bad, NULL, &err), CD_ENOTFOUND, "unknown coordinator");
    ok(strncmp(err.msg, "coordinator: 'ghost' is not a caredesk user", 43) == 0,
       "coordinator message: %s", err.msg);

    /* upsert: same data changes nothing; a new phone updates */
    int created, changed;
    cd_store_begin(store, &err);
    is_int(cd_patient_upsert(store, &in, &id2, &created, &changed, &err), 0, "upsert same");
    is_int(created, 0, "not created");
    is_int(changed, 0, "not changed");
    struct cd_patient_in upd = {
        .mrn = "MRN001", .family = "Núñez", .given = "Zoë", .phone = "555-0199"};
    is_int(cd_patient_upsert(store, &upd, &id2, &created, &changed, &err), 0, "upsert phone");
    is_int(changed, 1, "changed");
    is_int(id2, id, "same patient");
    struct cd_patient_in fresh = {.mrn = "MRN003", .family = "Okafor", .given = "Chidi"};
    is_int(cd_patient_upsert(store, &fresh, &id2, &created, &changed, &err), 0, "upsert new");
    is_int(created, 1, "created");
    cd_store_commit(store, &err);

    struct cd_page page = CD_PAGE_INIT;
    cd_patient_search(store, "núñez, zoë", 10, &page, &err);
    static const char *const patient_search_cols[] = {CD_PATIENT_SEARCH_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, patient_search_cols, CD_PATIENT_SEARCH_NCOLS),
       "the search has the columns patient.h declares");
    /* name_key lower-cases ASCII only; the UTF-8 letters must match as typed */
    is_int(page.nrows, 1, "search by 'family, given'");
    is_str(page_str(&page, 0, "phone"), "555-0199", "updated phone");
    cd_page_free(&page);
    cd_patient_search(store, "mrn00", 10, &page, &err);
    is_int(page.nrows, 2, "MRN prefix search ignores ASCII case");
    cd_page_free(&page);
    cd_patient_search(store, "MRN00", 10, &page, &err);
    is_int(page.nrows, 2, "MRN prefix search");
    cd_page_free(&page);
    cd_patient_search(store, "oka", 10, &page, &err);
    is_str(page_str(&page, 0, "mrn"), "MRN003", "name fragment search");
    cd_page_free(&page);

    struct cd_patient_header h;
    is_int(cd_patient_header_get(store, id, &h, &err), 0, "header read");
    is_int(h.id, id, "header id");
    is_str(h.mrn, "MRN001", "header MRN");
    is_str(h.family_name, "Núñez", "header family name");
    is_str(h.given_name, "Zoë", "header given name");
    is_str(h.birth_date, "1948-05-12", "header birth date");
    is_str(h.sex, "F", "header sex");
    is_str(h.phone, "555-0199", "header phone");
    is_str(h.phone_alt, "", "no alternate phone reads empty");
    is_str(h.coordinator, "mrivera", "header coordinator");
    is_str(h.coordinator_name, "Maria Rivera", "header coordinator name");
    is_str(h.risk_tier, "", "no risk tier reads empty");
    is_int(h.lace_score, -1, "no LACE score reads -1");
    is_str(h.programs, "", "no programs");
    cd_store_begin(store, &err);
    cd_db_exec_script(store,
                      "UPDATE patients SET risk_tier = 'high', lace_score = 0 "
                      "WHERE mrn = 'MRN003'",
                      &err);
    cd_store_commit(store, &err);
    is_int(cd_patient_header_get(store, id2, &h, &err), 0, "second header read");
    is_str(h.risk_tier, "high", "header risk tier");
    is_int(h.lace_score, 0, "a LACE score of 0 is a score");
    is_str(h.coordinator, "", "no coordinator reads empty");
    is_int(cd_patient_header_get(store, 999, &h, &err), CD_ENOTFOUND, "unknown patient");
    is_str(err.msg, "no patient with id 999", "unknown patient message");
    cd_store_close(store);
    return done_testing();
}
