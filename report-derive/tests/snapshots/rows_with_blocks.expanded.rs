#[automatically_derived]
impl ::report_core::table::Rows for Active {
    const WIDTH: u32 = <Documents as ::report_core::table::Row>::WIDTH;
    fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
        let __report_mark = __report_walk
            .enter_row(
                ::std::option::Option::Some("第二十条第（一）项"),
                "规章",
                "rules",
                ::report_core::table::__private::Source::Data,
            );
        <Documents as ::report_core::table::Row>::__cells(__report_walk);
        __report_walk.leave(__report_mark);
        let __report_mark = __report_walk
            .enter_row(
                ::std::option::Option::Some("第二十条第（五）项"),
                "行政许可",
                "licensing",
                ::report_core::table::__private::Source::Data,
            );
        __report_walk
            .cell(
                ::std::option::Option::None,
                ::std::option::Option::Some("本年处理决定数量"),
                ::std::option::Option::None,
                <u64 as ::report_core::table::CellValue>::KIND,
                ::report_core::table::__private::Source::Data,
            );
        __report_walk.leave(__report_mark);
    }
    fn __rows<'__report_a>(
        &'__report_a self,
        __report_f: &mut dyn FnMut(&'__report_a dyn ::std::any::Any),
    ) {
        __report_f(&self.rules);
        __report_f(&self.licensing);
    }
    fn __rows_mut<'__report_a>(
        &'__report_a mut self,
        __report_f: &mut dyn FnMut(&'__report_a mut dyn ::std::any::Any),
    ) {
        __report_f(&mut self.rules);
        __report_f(&mut self.licensing);
    }
    const LABEL_DEPTH: u32 = {
        let __report_depth = 1;
        __report_depth
    };
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        <Documents as ::report_core::table::Row>::header()
    }
    fn emit(
        &self,
        __report_layout: &mut ::report_core::table::__private::Layout,
        __report_depth: u32,
    ) {
        __report_layout
            .block(
                "第二十条第（一）项",
                "信息内容",
                &<Documents as ::report_core::table::Row>::header(),
            );
        {
            let mut __report_values = ::std::vec::Vec::new();
            <Documents as ::report_core::table::Row>::values(
                &self.rules,
                &mut __report_values,
            );
            __report_layout
                .push_row_values(
                    __report_depth,
                    "规章",
                    ::report_core::table::Align::Center,
                    __report_values,
                );
        }
        __report_layout
            .block(
                "第二十条第（五）项",
                "信息内容",
                &::std::vec![
                    ::report_core::table::Header::leaf("本年处理决定数量", 3u32)
                ],
            );
        {
            __report_layout
                .push_value::<
                    u64,
                >(
                    __report_depth,
                    "行政许可",
                    ::report_core::table::Align::Center,
                    &self.licensing,
                    3u32,
                );
        }
    }
}
const _: () = {
    ::core::assert!(
        3u32 <= < Active as ::report_core::table::Rows > ::WIDTH,
        "this row is wider than the table's value columns: its cells would overlap"
    );
    ::core::assert!(
        3u32 >= < Active as ::report_core::table::Rows > ::WIDTH,
        "this row is narrower than the table's value columns: it would leave a hole"
    );
};
#[automatically_derived]
impl ::report_core::table::Table for Active {
    const COLUMNS: u32 = <Self as ::report_core::table::Rows>::LABEL_DEPTH
        + <Self as ::report_core::table::Rows>::WIDTH;
    fn grid(&self) -> ::report_core::table::Grid {
        let mut __report_layout = ::report_core::table::__private::Layout::new(
            <Self as ::report_core::table::Table>::COLUMNS,
            <Self as ::report_core::table::Rows>::LABEL_DEPTH,
        );
        let __report_header_rows = __report_layout.row();
        ::report_core::table::Rows::emit(self, &mut __report_layout, 0);
        __report_layout.finish(__report_header_rows, ::std::option::Option::None)
    }
    fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
        let mut __report_walk = ::report_core::table::__private::Walk::new(
            ::std::option::Option::None,
        );
        <Self as ::report_core::table::Rows>::__cells(&mut __report_walk);
        __report_walk.finish()
    }
}
