"""The words the realistic strategies draw from: Indonesian names and academic titles, kinds
of jabatan with their jenjang, units of an instansi, and the text of plans and assessments.

Data only, written for this package (invented, not copied from any source). Every name is
made of letters, spaces, apostrophes, dots and commas (``tests/unit/testing`` checks it).
"""

from __future__ import annotations

from typing import Final

from asn_performance.domain.employee import Jenjang, PositionKind
from asn_performance.domain.plan import Aspect, Direction

__all__ = [
    "BACHELOR",
    "DIPLOMA",
    "DOCTOR_FRONT",
    "EVIDENCE",
    "FAMILY_NAMES",
    "FEEDBACK",
    "FEMALE_NAMES",
    "FUNCTIONAL",
    "INDICATORS",
    "INSTANSI",
    "MALE_NAMES",
    "MASTER",
    "REGIONS",
    "STRUCTURAL",
    "SUBJECTS",
    "WORK_RESULTS",
    "Functional",
    "Measure",
]

#: Given names of men (*nama depan laki-laki*).
MALE_NAMES: Final = (
    "Agus",
    "Ahmad",
    "Andi",
    "Arief",
    "Bambang",
    "Budi",
    "Dedi",
    "Dimas",
    "Eko",
    "Fajar",
    "Hendra",
    "Imam",
    "Joko",
    "Kurnia",
    "Muhammad",
    "Nur",
    "Putu",
    "Rizky",
    "Slamet",
    "Teguh",
    "Wahyu",
    "Yusuf",
    "I Made",
    "I Ketut",
    "Gede",
    "Yohanes",
    "Ma'ruf",
    "Syaiful",
    "Taufik",
    "Heru",
    "Bayu",
    "Ilham",
    "Rahmat",
    "Firman",
    "Hasan",
    "Iwan",
    "Lukman",
    "Samsul",
)
#: Given names of women (*nama depan perempuan*).
FEMALE_NAMES: Final = (
    "Siti",
    "Sri",
    "Dewi",
    "Ani",
    "Rina",
    "Nurul",
    "Putri",
    "Ayu",
    "Fitri",
    "Ratna",
    "Wulan",
    "Yuni",
    "Indah",
    "Lestari",
    "Endang",
    "Kartika",
    "Maria",
    "Ni Made",
    "Ni Luh",
    "Nyoman",
    "Rahmawati",
    "Dwi",
    "Tri",
    "Anisa",
    "Fatimah",
    "Nur'aini",
    "Desi",
    "Eka",
    "Lina",
    "Mega",
    "Novi",
    "Retno",
    "Sari",
    "Tuti",
    "Umi",
    "Yanti",
    "Zahra",
    "Intan",
)
#: Second and family names (*nama belakang* or *marga*), for either sex.
FAMILY_NAMES: Final = (
    "Rahayu",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Wijaya",
    "Santoso",
    "Kurniawan",
    "Susanti",
    "Wulandari",
    "Setiawan",
    "Harahap",
    "Lubis",
    "Sinaga",
    "Hutapea",
    "Gultom",
    "Purba",
    "Tambunan",
    "Sembiring",
    "Ginting",
    "Manurung",
    "Pardede",
    "Nugroho",
    "Prasetyo",
    "Hartono",
    "Suryadi",
    "Utami",
    "Permatasari",
    "Maharani",
    "Syahputra",
    "Lumbantobing",
    "Pangaribuan",
    "Tanjung",
    "Daulay",
    "Wibowo",
    "Gunawan",
    "Rachman",
    "Mahendra",
    "Anggraini",
    "Oktaviani",
    "Puspita",
    "Kusuma",
    "Halim",
    "Sitompul",
    "Ndruru",
    "Mandagi",
    "Rumbiak",
    "Wenda",
    "Latuconsina",
    "Pattimura",
    "Daeng",
    "Rusdi",
)

#: Degree titles written after the name (*gelar akademik di belakang nama*), by level.
DIPLOMA: Final = ("A.Md.", "A.Md.Kep.", "A.Md.Keb.", "A.Md.Kom.", "A.Md.Ak.")
BACHELOR: Final = (
    "S.E.",
    "S.H.",
    "S.Sos.",
    "S.Pd.",
    "S.Kom.",
    "S.T.",
    "S.IP.",
    "S.Ak.",
    "S.Psi.",
    "S.Kep., Ns.",
    "S.Pd.I.",
    "S.Si.",
    "S.AP.",
    "S.P.",
)
MASTER: Final = ("M.M.", "M.Si.", "M.Pd.", "M.Kom.", "M.H.", "M.AP.", "M.Kes.", "M.T.", "M.Ak.")
#: Titles written before the name: a doctorate and the professional titles of medicine.
DOCTOR_FRONT: Final = ("Dr.", "Ir.", "Drs.", "Dra.")


class Functional:
    """A jabatan fungsional: its name, the jenjang it has, and the degree titles that fit."""

    __slots__ = ("degrees", "front", "jenjang", "name")

    def __init__(
        self,
        name: str,
        jenjang: tuple[Jenjang, ...],
        degrees: tuple[str, ...],
        front: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.jenjang = jenjang
        self.degrees = degrees
        self.front = front


_KEAHLIAN: Final = (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA)
_KEAHLIAN_ALL: Final = (*_KEAHLIAN, Jenjang.AHLI_UTAMA)
_KETERAMPILAN: Final = (Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA)

#: Jabatan fungsional of real kinds, each with the jenjang it is found in.
FUNCTIONAL: Final = (
    Functional("Analis Kepegawaian", _KEAHLIAN, ("S.E.", "S.Sos.", "S.H.", "S.AP.", "S.Psi.")),
    Functional("Guru", _KEAHLIAN_ALL, ("S.Pd.", "S.Pd.I.", "S.Si.")),
    Functional("Perawat", _KETERAMPILAN, ("A.Md.Kep.",)),
    Functional("Perawat", _KEAHLIAN, ("S.Kep., Ns.",)),
    Functional("Bidan", _KETERAMPILAN, ("A.Md.Keb.",)),
    Functional("Pranata Komputer", _KETERAMPILAN, ("A.Md.Kom.", "A.Md.")),
    Functional("Pranata Komputer", _KEAHLIAN, ("S.Kom.", "S.T.")),
    Functional("Arsiparis", _KETERAMPILAN, ("A.Md.",)),
    Functional("Arsiparis", _KEAHLIAN, ("S.Sos.", "S.IP.")),
    Functional("Dokter", _KEAHLIAN_ALL, (), ("dr.",)),
    Functional("Dokter Gigi", _KEAHLIAN, (), ("drg.",)),
    Functional("Auditor", _KEAHLIAN_ALL, ("S.E.", "S.Ak.")),
    Functional("Perencana", _KEAHLIAN_ALL, ("S.E.", "S.T.", "S.Si.")),
    Functional("Analis Kebijakan", _KEAHLIAN_ALL, ("S.Sos.", "S.IP.", "S.H.")),
    Functional("Pustakawan", _KETERAMPILAN, ("A.Md.",)),
    Functional("Penyuluh Pertanian", _KEAHLIAN, ("S.P.", "S.Si.")),
    Functional("Pemadam Kebakaran", (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR), ()),
)

#: Administrator, pengawas and pelaksana positions by kind (a JPT is ``Kepala`` of its
#: instansi: "Kepala Dinas Pendidikan").
STRUCTURAL: Final = {
    PositionKind.ADMINISTRATOR: (
        "Sekretaris Dinas",
        "Kepala Bagian Umum dan Kepegawaian",
        "Kepala Bagian Keuangan",
        "Kepala Bidang Pelayanan",
        "Kepala Bidang Perencanaan dan Pengembangan",
    ),
    PositionKind.PENGAWAS: (
        "Kepala Subbagian Umum",
        "Kepala Subbagian Kepegawaian",
        "Kepala Subbagian Keuangan",
        "Kepala Seksi Pelayanan",
        "Kepala Seksi Data dan Informasi",
        "Kepala Unit Pelaksana Teknis",
    ),
    PositionKind.PELAKSANA: (
        "Penata Layanan Operasional",
        "Pengadministrasi Perkantoran",
        "Pengolah Data dan Informasi",
        "Operator Layanan Operasional",
        "Pengelola Layanan Operasional",
        "Penelaah Teknis Kebijakan",
    ),
}

#: Kinds of unit of a regional instansi (the JPT titles above name one of them).
INSTANSI: Final = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Dinas Komunikasi dan Informatika",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Pertanian",
    "Dinas Pemadam Kebakaran",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
)
#: Regions whose instansi the units belong to.
REGIONS: Final = (
    "Kota Serang",
    "Kabupaten Sleman",
    "Kabupaten Banyumas",
    "Provinsi Jawa Barat",
    "Kota Medan",
    "Kabupaten Gianyar",
    "Kota Makassar",
    "Provinsi Sumatera Utara",
    "Kabupaten Jayapura",
    "Kota Ambon",
)

#: What work is about: the object of a work result or an indicator.
SUBJECTS: Final = (
    "usulan kenaikan pangkat",
    "data kepegawaian",
    "rencana pelaksanaan pembelajaran",
    "asuhan keperawatan pasien rawat inap",
    "permintaan perbaikan jaringan",
    "arsip dinamis",
    "laporan keuangan bulanan",
    "dokumen perencanaan",
    "pengaduan masyarakat",
    "layanan perpustakaan",
    "kajian kebijakan daerah",
    "pemeriksaan kesehatan ibu hamil",
    "penyuluhan kelompok tani",
    "rekomendasi hasil audit",
)
#: The text of a work result (RHK): ``{}`` is a subject.
WORK_RESULTS: Final = (
    "Terselenggaranya pengelolaan {} yang tertib",
    "Meningkatnya kualitas {}",
    "Tersedianya {} yang akurat dan tepat waktu",
    "Terlaksananya {} sesuai standar pelayanan",
)


class Measure:
    """What an indicator measures: its text (``{}`` a subject), unit, aspect, direction and
    the range ``low``-``high`` of plausible targets (with ``places`` decimal places at most)."""

    __slots__ = ("aspect", "direction", "high", "low", "places", "template", "unit")

    def __init__(
        self,
        template: str,
        unit: str,
        low: int,
        high: int,
        aspect: Aspect,
        *,
        places: int = 0,
        lower: bool = False,
    ) -> None:
        self.template = template
        self.unit = unit
        self.low = low
        self.high = high
        self.aspect = aspect
        self.places = places
        self.direction = Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER


#: Indicators (IKI) of real kinds: counts of services and documents, percentages, days.
INDICATORS: Final = (
    Measure("Jumlah layanan {} yang diselesaikan", "layanan", 12, 2400, Aspect.KUANTITAS),
    Measure("Jumlah dokumen {} yang disusun", "dokumen", 1, 48, Aspect.KUANTITAS),
    Measure("Persentase {} yang sesuai standar", "%", 60, 100, Aspect.KUALITAS, places=2),
    Measure("Rata-rata waktu penyelesaian {}", "hari", 1, 30, Aspect.WAKTU, lower=True),
    Measure("Jumlah laporan {} yang disampaikan", "laporan", 1, 24, Aspect.KUANTITAS),
    Measure("Persentase keluhan atas {}", "%", 0, 20, Aspect.KUALITAS, places=1, lower=True),
    Measure("Jumlah kegiatan {} yang dilaksanakan", "kegiatan", 1, 60, Aspect.KUANTITAS),
    Measure("Persentase penyerapan anggaran {}", "%", 80, 100, Aspect.BIAYA, places=2),
)

#: Feedback of an assessor (*umpan balik*).
FEEDBACK: Final = (
    "Pertahankan kinerja yang baik.",
    "Perlu meningkatkan ketepatan waktu penyampaian laporan.",
    "Koordinasi dengan unit lain sudah berjalan baik.",
    "Dokumentasi bukti dukung agar lebih lengkap.",
    "Target tercapai, tingkatkan kualitas layanan.",
    "Perlu pendampingan dalam penggunaan aplikasi.",
)
#: Evidence (*bukti dukung*).
EVIDENCE: Final = (
    "Laporan kegiatan triwulan",
    "Notula rapat koordinasi",
    "Daftar hadir peserta",
    "Rekapitulasi layanan dari aplikasi",
    "Surat keputusan penetapan",
    "Foto kegiatan",
)
