#!/usr/bin/perl
# An independent harvest of an OAI-PMH 2.0 repository with HTTP::OAI::Harvester (Debian's libhttp-oai-perl), which
# follows every resumption token itself. Walks every verb: Identify, ListMetadataFormats (also of one record),
# ListSets, ListRecords in each format, ListIdentifiers of every set (or of the first N), GetRecord of a live and a
# deleted record, and the errors idDoesNotExist, cannotDisseminateFormat and badResumptionToken. Fails (exit 1) on any
# error the harvest did not ask for, a record listed twice in a list, a set holding a record the full list lacks, or a
# format the repository should have. Prints a summary and the time of each part.
#
# Usage: perl harvest.pl [--from DATESTAMP] BASE_URL [MAX_SETS]
#   MAX_SETS: harvest only the first N sets; all by default.
#   --from: a selective harvest, only the records whose datestamp is at or after DATESTAMP (YYYY-MM-DDThh:mm:ssZ), in
#   ListRecords and in each set's ListIdentifiers, as an incremental harvester asks; every record by default.
use strict;
use warnings;
use Getopt::Long;
use HTTP::OAI;
use Time::HiRes qw(time);

$| = 1; # each line as it is printed, to follow a long harvest

my $from;
GetOptions('from=s' => \$from) or die "Usage: perl harvest.pl [--from DATESTAMP] BASE_URL [MAX_SETS]\n";
my ($base, $max_sets) = @ARGV;
die "Usage: perl harvest.pl [--from DATESTAMP] BASE_URL [MAX_SETS]\n" unless $base;
my @since = defined $from ? (from => $from) : ();
my $h = HTTP::OAI::Harvester->new(baseURL => $base, resume => 1);
my $started = time;
my @failures;
sub fail { push @failures, join('', @_); print STDERR "FAIL: ", @_, "\n"; }
sub timed { my ($what, $start) = @_; printf "%-44s %8.2f s\n", $what, time - $start; }

my $t = time;
my $identify = $h->Identify;
die "Identify failed: " . $identify->message . "\n" if $identify->is_error;
print "Repository: ", $identify->repositoryName, " (OAI-PMH ", $identify->protocolVersion, ", deletedRecord ",
    $identify->deletedRecord, ", granularity ", $identify->granularity, ")\n";
fail("deletedRecord is not persistent") unless $identify->deletedRecord eq 'persistent';

my $formats = $h->ListMetadataFormats;
die "ListMetadataFormats failed: " . $formats->message . "\n" if $formats->is_error;
my @prefixes;
while (my $format = $formats->next) { push @prefixes, $format->metadataPrefix; }
print "Formats: @prefixes\n";
fail("no oai_dc") unless grep { $_ eq 'oai_dc' } @prefixes;

my $sets = $h->ListSets;
die "ListSets failed: " . $sets->message . "\n" if $sets->is_error;
my @specs;
while (my $set = $sets->next) { push @specs, $set->setSpec; }
print "Sets: ", scalar(@specs), "\n";
timed("Identify, ListMetadataFormats, ListSets", $t);

my (%all, $live_id, $deleted_id);
for my $prefix (@prefixes) {
    $t = time;
    my %seen;
    my ($records, $deleted) = (0, 0);
    # With resume, the harvester follows every token before it returns: each record is met in onRecord.
    my $list = $h->ListRecords(metadataPrefix => $prefix, @since, onRecord => sub {
        my $record = shift;
        my $id = $record->identifier;
        fail("ListRecords $prefix lists $id twice") if $seen{$id};
        $seen{$id} = $record->is_deleted ? 'deleted' : 'live';
        $records++;
        if ($record->is_deleted) {
            $deleted++;
            $deleted_id //= $id;
        } else {
            $live_id //= $id;
            fail("ListRecords $prefix: $id has no metadata") unless $record->metadata;
        }
    });
    fail("ListRecords $prefix: ", $list->message) if $list->is_error;
    %all = %seen if $prefix eq 'oai_dc';
    printf "ListRecords %-12s %8d records, %6d deleted\n", $prefix, $records, $deleted;
    timed("ListRecords $prefix", $t);
}

$t = time;
my ($set_count, $set_headers) = (0, 0);
for my $spec (@specs) {
    last if defined $max_sets && $set_count >= $max_sets;
    $set_count++;
    my %seen;
    my $list = $h->ListIdentifiers(metadataPrefix => 'oai_dc', set => $spec, @since, onRecord => sub {
        my $id = shift->identifier;
        fail("set $spec lists $id twice") if $seen{$id}++;
        fail("set $spec lists $id, which ListRecords did not") unless $all{$id};
        $set_headers++;
    });
    if ($list->is_error) {
        # A set may be empty: noRecordsMatch is the protocol's answer then.
        my @codes = map { $_->code } $list->errors;
        fail("ListIdentifiers set $spec: ", $list->message) unless grep { $_ eq 'noRecordsMatch' } @codes;
        next;
    }
    fail("ListIdentifiers set $spec: ", $list->message) if $list->is_error;
}
printf "ListIdentifiers of %d sets: %d headers\n", $set_count, $set_headers;
timed("ListIdentifiers of every set", $t);

$t = time;
for my $id (grep { defined } $live_id, $deleted_id) {
    my $got = $h->GetRecord(identifier => $id, metadataPrefix => 'oai_dc');
    if ($got->is_error) { fail("GetRecord $id: ", $got->message); next; }
    my $record = $got->next;
    fail("GetRecord $id answered ", $record ? $record->identifier : 'nothing') unless $record && $record->identifier eq $id;
    my $of = $h->ListMetadataFormats(identifier => $id);
    fail("ListMetadataFormats of $id: ", $of->message) if $of->is_error;
}
my %expected = (
    idDoesNotExist => sub { $h->GetRecord(identifier => 'oai:no.such.host:no-such-record', metadataPrefix => 'oai_dc') },
    cannotDisseminateFormat => sub { $h->ListRecords(metadataPrefix => 'no_such_format') },
    badResumptionToken => sub { $h->ListIdentifiers(resumptionToken => 'not-a-token') },
);
for my $code (sort keys %expected) {
    my $answer = $expected{$code}->();
    my @codes = map { $_->code } $answer->errors;
    fail("expected $code, got @codes") unless grep { $_ eq $code } @codes;
}
timed("GetRecord and errors", $t);

printf "Harvested %d records (%d deleted)%s and %d sets in %.2f s\n", scalar(keys %all),
    scalar(grep { $all{$_} eq 'deleted' } keys %all), defined $from ? " changed from $from" : '', scalar(@specs),
    time - $started;
if (@failures) {
    print STDERR scalar(@failures), " failures\n";
    exit 1;
}
print "OK\n";
