#[automatically_derived]
impl ::report_core::table::Rows for Applications {
    const WIDTH: u32 = <Counts as ::report_core::table::Row>::WIDTH;
    const LABEL_DEPTH: u32 = {
        let __report_depth = 1;
        let __report_depth = ::report_core::table::max(
            __report_depth,
            1 + <Results as ::report_core::table::Rows>::LABEL_DEPTH,
        );
        __report_depth
    };
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        <Counts as ::report_core::table::Row>::header()
    }
    fn emit(
        &self,
        __report_layout: &mut ::report_core::table::Layout,
        __report_depth: u32,
    ) {
        {
            let mut __report_values = ::std::vec::Vec::new();
            <Counts as ::report_core::table::Row>::values(
                &self.received,
                &mut __report_values,
            );
            __report_layout
                .push_row_values(
                    __report_depth,
                    "一、新收",
                    ::report_core::markup::Align::Left,
                    __report_values,
                );
        }
        {
            let __report_group = __report_layout
                .open_group(
                    __report_depth,
                    "三、办理结果",
                    ::report_core::markup::Align::Center,
                    <Results as ::report_core::table::Rows>::LABEL_DEPTH,
                );
            <Results as ::report_core::table::Rows>::emit(
                &self.results,
                __report_layout,
                __report_group.depth(),
            );
            __report_layout.close_group(__report_group);
        }
        {
            __report_layout
                .push_row(
                    __report_depth,
                    "（七）总计",
                    ::report_core::markup::Align::Left,
                    &Applications::total(self),
                );
        }
    }
}
const _: () = {
    ::core::assert!(
        < Results as ::report_core::table::Rows > ::WIDTH <= < Applications as
        ::report_core::table::Rows > ::WIDTH,
        "this row is wider than the table's value columns: its cells would overlap"
    );
    ::core::assert!(
        < Results as ::report_core::table::Rows > ::WIDTH >= < Applications as
        ::report_core::table::Rows > ::WIDTH,
        "this row is narrower than the table's value columns: it would leave a hole"
    );
};
#[automatically_derived]
impl ::report_core::table::Table for Applications {
    const COLUMNS: u32 = <Self as ::report_core::table::Rows>::LABEL_DEPTH
        + <Self as ::report_core::table::Rows>::WIDTH;
    fn grid(&self) -> ::report_core::table::Grid {
        let mut __report_layout = ::report_core::table::Layout::new(
            <Self as ::report_core::table::Table>::COLUMNS,
            <Self as ::report_core::table::Rows>::LABEL_DEPTH,
        );
        __report_layout
            .header(
                "说明",
                &::std::vec![
                    ::report_core::table::Header::group("申请人情况", < Self as
                    ::report_core::table::Rows > ::header())
                ],
            );
        let __report_header_rows = __report_layout.row();
        ::report_core::table::Rows::emit(self, &mut __report_layout, 0);
        __report_layout.finish(__report_header_rows, ::std::option::Option::None)
    }
}
