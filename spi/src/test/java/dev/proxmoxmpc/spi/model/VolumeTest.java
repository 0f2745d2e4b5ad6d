package dev.proxmoxmpc.spi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VolumeTest {
    @Test
    void splitsTheVolumeIdIntoStorageAndFile() {
        Volume iso = new Volume("local:iso/debian-12.8.0-amd64-netinst.iso", "iso", "iso", 661651456L, 0, Instant.EPOCH);
        assertEquals("local", iso.storage());
        assertEquals("debian-12.8.0-amd64-netinst.iso", iso.file());
        Volume disk = new Volume("local-lvm:vm-101-disk-0", "images", "raw", 1L << 30, 101, Instant.EPOCH);
        assertEquals("local-lvm", disk.storage());
        assertEquals("vm-101-disk-0", disk.file());
    }
}
