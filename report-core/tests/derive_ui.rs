//! Compile-fail cases of `#[derive(Table)]`: one file per kind of mistake under `tests/ui/`,
//! each with the committed compiler output it must produce (`TRYBUILD=overwrite` rewrites).

#[test]
fn misuse_is_a_compile_error_at_the_offending_token() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
