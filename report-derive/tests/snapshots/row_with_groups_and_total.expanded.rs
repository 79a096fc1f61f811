#[automatically_derived]
impl ::report_core::table::Row for Counts {
    const WIDTH: u32 = 0 + 1u32 + 1u32 + 1u32 + 1u32;
    fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
        __report_walk
            .cell(
                ::std::option::Option::None,
                ::std::option::Option::Some("自然人"),
                ::std::option::Option::Some("persons"),
                <u64 as ::report_core::table::CellValue>::KIND,
                ::report_core::table::__private::Source::Data,
            );
        __report_walk
            .cell(
                ::std::option::Option::Some("法人或其他组织"),
                ::std::option::Option::Some("商业企业"),
                ::std::option::Option::Some("businesses"),
                <u64 as ::report_core::table::CellValue>::KIND,
                ::report_core::table::__private::Source::Data,
            );
        __report_walk
            .cell(
                ::std::option::Option::Some("法人或其他组织"),
                ::std::option::Option::Some("其他"),
                ::std::option::Option::Some("others"),
                <u64 as ::report_core::table::CellValue>::KIND,
                ::report_core::table::__private::Source::Data,
            );
        __report_walk
            .cell(
                ::std::option::Option::None,
                ::std::option::Option::Some("总计"),
                ::std::option::Option::Some("stated_total"),
                <u64 as ::report_core::table::CellValue>::KIND,
                ::report_core::table::__private::Source::StatedOrComputed,
            );
    }
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        let mut __report_nodes = ::std::vec::Vec::new();
        __report_nodes.push(::report_core::table::Header::leaf("自然人", 1u32));
        __report_nodes
            .push(
                ::report_core::table::Header::group(
                    "法人或其他组织",
                    {
                        let mut __report_nodes = ::std::vec::Vec::new();
                        __report_nodes
                            .push(
                                ::report_core::table::Header::leaf("商业企业", 1u32),
                            );
                        __report_nodes
                            .push(::report_core::table::Header::leaf("其他", 1u32));
                        __report_nodes
                    },
                ),
            );
        __report_nodes.push(::report_core::table::Header::leaf("总计", 1u32));
        __report_nodes
    }
    fn values(
        &self,
        __report_out: &mut ::std::vec::Vec<::report_core::table::__private::Value>,
    ) {
        __report_out
            .push(::report_core::table::__private::Value {
                text: <u64 as ::report_core::table::CellValue>::cell_text(&self.persons),
                colspan: 1u32,
                align: ::report_core::table::Align::Center,
            });
        __report_out
            .push(::report_core::table::__private::Value {
                text: <u64 as ::report_core::table::CellValue>::cell_text(
                    &self.businesses,
                ),
                colspan: 1u32,
                align: ::report_core::table::Align::Center,
            });
        __report_out
            .push(::report_core::table::__private::Value {
                text: <u64 as ::report_core::table::CellValue>::cell_text(&self.others),
                colspan: 1u32,
                align: ::report_core::table::Align::Center,
            });
        __report_out
            .push(::report_core::table::__private::Value {
                text: match &self.stated_total {
                    ::std::option::Option::Some(__report_stated) => {
                        <u64 as ::report_core::table::CellValue>::cell_text(
                            __report_stated,
                        )
                    }
                    ::std::option::Option::None => {
                        let __report_sum: u64 = <u64 as ::report_core::table::Summable>::zero();
                        let __report_sum = <u64 as ::report_core::table::Summable>::add(
                            __report_sum,
                            &self.persons,
                        );
                        let __report_sum = <u64 as ::report_core::table::Summable>::add(
                            __report_sum,
                            &self.businesses,
                        );
                        let __report_sum = <u64 as ::report_core::table::Summable>::add(
                            __report_sum,
                            &self.others,
                        );
                        <u64 as ::report_core::table::CellValue>::cell_text(
                            &__report_sum,
                        )
                    }
                },
                colspan: 1u32,
                align: ::report_core::table::Align::Center,
            });
    }
}
#[automatically_derived]
impl ::report_core::table::Table for Counts {
    const COLUMNS: u32 = <Self as ::report_core::table::Row>::WIDTH;
    fn grid(&self) -> ::report_core::table::Grid {
        let mut __report_layout = ::report_core::table::__private::Layout::new(
            <Self as ::report_core::table::Table>::COLUMNS,
            0,
        );
        __report_layout
            .header(
                "",
                &::std::vec![
                    ::report_core::table::Header::group("申请人情况", < Self as
                    ::report_core::table::Row > ::header())
                ],
            );
        let __report_header_rows = __report_layout.row();
        let mut __report_values = ::std::vec::Vec::new();
        ::report_core::table::Row::values(self, &mut __report_values);
        __report_layout.values(__report_values);
        __report_layout.finish(__report_header_rows, ::std::option::Option::None)
    }
    fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
        let mut __report_walk = ::report_core::table::__private::Walk::new(
            ::std::option::Option::Some("申请人情况"),
        );
        <Self as ::report_core::table::Row>::__cells(&mut __report_walk);
        __report_walk.finish()
    }
}
